#pragma once
// One batch at a time writes into a year's output folder. Two runs at once would race
// for its manifest (each reads it, adds its files, writes it back), and the recap lists
// what the manifest holds; so a second run waits for the first. The lock is the
// kernel's (flock on the folder itself, no lock file), so a killed run releases it.

#include <filesystem>
#include <iosfwd>

namespace inovasi {

class FolderLock {
 public:
  FolderLock() = default;  // holds nothing
  // Creates the folder if needed, then holds it; when another run holds it, says so on
  // `notices` once and waits. On a filesystem without locks, goes on unlocked.
  FolderLock(const std::filesystem::path& folder, std::ostream& notices);
  // Without waiting (the service, which answers "try again" instead): held() says
  // whether it got the lock; on a filesystem without locks it counts as held.
  enum class Wait { No };
  FolderLock(const std::filesystem::path& folder, Wait);
  bool held() const { return held_; }
  ~FolderLock();
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  int fd_ = -1;
  bool held_ = true;
};

}  // namespace inovasi
