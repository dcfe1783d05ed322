#pragma once
// Helpers for the exchange suite: writing zip files as other tools (and
// attackers) do, validating exports against the official REFI-QDA schemas,
// a project coded by two people, and plain-text snapshots of a project's
// codebook, codings, cases and memos to compare projects with.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "quire/store/project.h"
#include "support/test_support.h"

namespace quire::test {

using Members = std::vector<std::pair<std::string, std::string>>;

/// Writes a zip holding these members, names exactly as given (unsafe ones
/// too), deflated.
void write_zip(const std::filesystem::path& out, const Members& members);
/// Writes a zip whose member `name` inflates to `bytes` zero bytes (a zip
/// bomb: the file stays small), after the other members.
void write_zip_bomb(const std::filesystem::path& out, const Members& members,
                    const std::string& name, std::uint64_t bytes);
/// The member names of a zip, and one member's bytes (read with libzip).
std::vector<std::string> zip_names(const std::filesystem::path& zip);
std::string zip_member(const std::filesystem::path& zip, const std::string& name);

/// ../shared/refi-qda/NAME, or nullopt when the schemas are not beside the
/// repository (a user's clone).
std::optional<std::filesystem::path> refi_schema(const std::string& name);
/// Validates xml against a schema of ../shared/refi-qda with `xmllint
/// --schema`. Returns xmllint's complaint ("" when valid), or nullopt (after
/// a test message) when the schema or xmllint is missing.
std::optional<std::string> schema_errors(const std::string& xml, const std::string& schema);
/// Checks xml against the schema (a test failure with xmllint's message),
/// or says in the log why it was not checked.
void check_valid(const std::string& xml, const std::string& schema);

/// Evaluates an XPath 1.0 expression on xml with `xmllint --xpath` (an
/// independent reader): string(...) and count(...) give plain text.
std::string xpath(const std::string& xml, const std::string& expr);

/// A project two coders (ana, ben) coded: an interview with accents and an
/// emoji (code points differ from bytes and UTF-16 units), a survey whose
/// answers are passages linked to respondent cases with typed attributes,
/// a nested codebook with colours and descriptions, memos on every kind of
/// object.
struct SampleProject {
  TempDir dir;
  std::filesystem::path file;
  Project project;
  explicit SampleProject(const std::string& name = "sample");
};
/// Fills p as SampleProject describes.
void fill_sample(Project& p);

/// Snapshots as sorted lines, to compare two projects.
/// "path|colour|description" per code.
std::vector<std::string> codebook_lines(const Project& p);
/// "document|code path|coder|start|end|text" per coding.
std::vector<std::string> coding_lines(const Project& p);
/// "case|description|attribute=value(type)..." per case, with "document:NAME"
/// and "passage:DOC:start:end" for what is linked to it.
std::vector<std::string> case_lines(const Project& p);
/// "target kind|on what|title|text|author" per memo.
std::vector<std::string> memo_lines(const Project& p);
/// "name|text" per document.
std::vector<std::string> document_lines(const Project& p);

/// Prints the differences of two snapshots (for failure messages).
std::string diff(const std::vector<std::string>& a, const std::vector<std::string>& b);

} // namespace quire::test
