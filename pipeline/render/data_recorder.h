#pragma once
// What a template reads of its data, recorded as it is filled: every name it looks up,
// with the value found (string, true/false, object, list), and false for a name the data
// lacks. The result, as JSON, is data the template can be previewed with on its own
// (`inovasi render --save-data`, and the sample beside each template): it holds exactly
// what the template uses, and passes --strict.

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <kainjow/mustache.hpp>

#include <map>
#include <string>
#include <vector>

namespace inovasi::render {

class DataRecorder {
 public:
  using Data = kainjow::mustache::data;

  // `root`: the document's data; `shared`: what every document of a batch has (may be
  // null), recorded at the top level as the template sees it.
  DataRecorder(const Data* root, const Data* shared);

  // The context's stack, top first, changed as sections are entered and left.
  void pushed(const Data* item);
  void popped();
  // `name` was looked up (with the stack as it is) and found `value`, or nothing.
  void looked_up(const std::string& name, const Data* value);

  // The recorded data, indented, keys in order.
  std::string json() const;

 private:
  Poco::JSON::Object::Ptr node_of(const Data* data);
  // The value of `key` in `node`, as the template found it.
  void record(Poco::JSON::Object::Ptr node, const std::string& key, const Data& value);
  void record_missing(const std::vector<std::string>& path);

  const Data* root_;
  const Data* shared_;
  std::vector<const Data*> stack_;  // top first
  Poco::JSON::Object::Ptr top_;
  std::map<const Data*, Poco::JSON::Object::Ptr> objects_;
  std::map<const Data*, Poco::JSON::Array::Ptr> lists_;
};

}  // namespace inovasi::render
