#pragma once
// A generated project whose every coding, case and word the test knows, so
// analysis results can be checked against counts computed here, independently.
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "quire/base/types.h"
#include "quire/store/project.h"
#include "support/test_support.h"

namespace quire::test {

struct ModelCoding {
  std::string doc;
  std::string code; ///< path
  std::int64_t start = 0, end = 0;
  std::string coder;
  std::string case_name; ///< "" when none
};

struct ModelPassage {
  std::int64_t start = 0, end = 0;
  std::string case_name;
};

struct Model {
  TempDir dir;
  std::filesystem::path file;
  std::map<std::string, std::string> texts;                  ///< document -> text (ASCII)
  std::map<std::string, std::vector<ModelPassage>> passages; ///< document -> passages
  std::map<std::string, std::string> doc_case;               ///< document -> its case
  std::map<std::string, std::map<std::string, Value>> cases; ///< case -> attribute -> value
  std::vector<std::string> codes;                            ///< paths
  std::vector<ModelCoding> codings;

  /// Builds the project (seeded, so the same every run).
  explicit Model(unsigned seed = 7);
  Project open() const { return Project::open(file); }

  /// True when code is path or below it.
  static bool in_subtree(const std::string& code, const std::string& path);
  /// Words (runs of letters and digits) whose first letter lies in one of
  /// the ranges of a document; each word once.
  std::int64_t words_in(const std::string& doc,
                        const std::vector<std::pair<std::int64_t, std::int64_t>>& ranges) const;
  /// Words coded by codings that pass keep, per document, each word once.
  template <class Keep> std::int64_t words_coded(Keep keep) const {
    std::map<std::string, std::vector<std::pair<std::int64_t, std::int64_t>>> by_doc;
    for (const auto& c : codings) {
      if (keep(c))
        by_doc[c.doc].emplace_back(c.start, c.end);
    }
    std::int64_t n = 0;
    for (const auto& [doc, rs] : by_doc)
      n += words_in(doc, rs);
    return n;
  }
  /// The text value of a case's attribute ("" when missing).
  std::string text_of(const std::string& case_name, const std::string& attr) const;
};

} // namespace quire::test
