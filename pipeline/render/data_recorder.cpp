#include "render/data_recorder.h"

#include <sstream>

namespace inovasi::render {
namespace {

std::vector<std::string> split_name(const std::string& name) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t dot = name.find('.'); dot != std::string::npos; dot = name.find('.', start)) {
    parts.push_back(name.substr(start, dot - start));
    start = dot + 1;
  }
  parts.push_back(name.substr(start));
  return parts;
}

}  // namespace

DataRecorder::DataRecorder(const Data* root, const Data* shared)
    : root_(root), shared_(shared), top_(new Poco::JSON::Object) {
  objects_[root_] = top_;
  if (shared_) objects_[shared_] = top_;  // its names are top-level names to the template
  stack_.push_back(root_);
}

void DataRecorder::pushed(const Data* item) {
  stack_.insert(stack_.begin(), item);
  if (objects_.contains(item) || lists_.contains(item)) return;
  // An item of a list being walked: its place in the list recorded for it.
  for (auto& [list, array] : lists_) {
    const auto& items = list->list_value();
    if (items.empty() || item < &items.front() || item > &items.back()) continue;
    auto index = static_cast<unsigned>(item - &items.front());
    if (item->is_object()) {
      Poco::JSON::Object::Ptr element = array->getObject(index);
      if (!element) {
        element = new Poco::JSON::Object;
        array->set(index, element);
      }
      objects_[item] = element;
    } else if (item->is_string()) {
      array->set(index, item->string_value());
    } else if (item->is_bool()) {
      array->set(index, item->is_true());
    }
    return;
  }
}

void DataRecorder::popped() {
  if (stack_.size() > 1) stack_.erase(stack_.begin());
}

Poco::JSON::Object::Ptr DataRecorder::node_of(const Data* data) {
  auto it = objects_.find(data);
  return it == objects_.end() ? nullptr : it->second;
}

void DataRecorder::record(Poco::JSON::Object::Ptr node, const std::string& key, const Data& value) {
  if (value.is_string()) {
    node->set(key, value.string_value());
  } else if (value.is_bool()) {
    node->set(key, value.is_true());
  } else if (value.is_object()) {
    Poco::JSON::Object::Ptr child = node->getObject(key);
    if (!child) {
      child = new Poco::JSON::Object;
      node->set(key, child);
    }
    objects_[&value] = child;
  } else if (value.is_list()) {
    Poco::JSON::Array::Ptr array = node->getArray(key);
    if (!array) {
      array = new Poco::JSON::Array;
      node->set(key, array);
    }
    lists_[&value] = array;
  }
}

void DataRecorder::record_missing(const std::vector<std::string>& path) {
  // As false, at the top: a missing name is looked for all the way down the stack.
  Poco::JSON::Object::Ptr node = top_;
  for (std::size_t i = 0; i + 1 < path.size(); ++i) {
    Poco::JSON::Object::Ptr child = node->getObject(path[i]);
    if (!child) {
      if (node->has(path[i])) return;  // a string or false there: the lookup stops at it
      child = new Poco::JSON::Object;
      node->set(path[i], child);
    }
    node = child;
  }
  if (!node->has(path.back())) node->set(path.back(), false);
}

void DataRecorder::looked_up(const std::string& name, const Data* value) {
  if (name == ".") return;  // the item itself, recorded when it was pushed
  auto path = split_name(name);
  if (!value) {
    record_missing(path);
    return;
  }
  // The stack item that answered (as kainjow's context searches), then down the path.
  std::vector<const Data*> candidates = stack_;
  if (shared_) candidates.push_back(shared_);
  for (const Data* item : candidates) {
    const Data* at = item;
    for (const auto& part : path) {
      at = at->get(part);
      if (!at) break;
    }
    if (at != value) continue;
    const Data* owner = item;
    for (std::size_t i = 0; i < path.size(); ++i) {
      auto node = node_of(owner);
      if (!node) return;  // answered by something not recorded (a string pushed as a section)
      const Data* next = owner->get(path[i]);
      record(node, path[i], *next);
      owner = next;
    }
    return;
  }
}

std::string DataRecorder::json() const {
  std::ostringstream out;
  top_->stringify(out, 2);
  out << '\n';
  return out.str();
}

}  // namespace inovasi::render
