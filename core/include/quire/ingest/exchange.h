#pragma once
// A whole project as plain data, for exchange with other tools (REFI-QDA)
// and for merging projects: what importers of project files produce, what
// exporters write, and what `quire merge` moves from one project to another.
// GUIDs here are lower case without braces; offsets are code points of the
// source's normalised text (NFC, '\n'), half-open [start, end).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "quire/base/types.h"

namespace quire {
class Project;

struct ExchangeUser {
  std::string guid;
  std::string name;
};

struct ExchangeCode {
  std::string guid;
  std::string parent_guid; ///< "" for a top-level code; parents come before children
  std::string name;
  std::string color; ///< "#rrggbb", or "" (one is picked when stored)
  std::string description;
};

struct ExchangeCoding {
  std::string guid;
  std::string code_guid;
  std::int64_t start = 0, end = 0;
  std::string coder;      ///< a user's name ("" = the importing coder)
  std::string created_at; ///< ISO 8601, or "" (now)
};

/// A passage of a source: a paragraph, a speaker's turn, a survey answer.
struct ExchangePassage {
  std::string guid;
  std::int64_t start = 0, end = 0;
  std::string case_name; ///< "" when the passage has no case of its own
  std::string speaker;
  std::optional<std::int64_t> start_ms, end_ms;
  std::string question; ///< survey question, if any
};

struct ExchangeSource {
  std::string guid;
  std::string name;
  std::string kind = "text";
  std::string folder;
  std::string original_name;
  std::string sha256; ///< of the original file ("" = of the text)
  std::string text;   ///< normalised: NFC, '\n'
  std::string created_at;
  std::string case_name;                 ///< the case the whole source belongs to, if any
  std::vector<ExchangePassage> passages; ///< empty: paragraphs become passages
  std::vector<ExchangeCoding> codings;
};

struct ExchangeCase {
  std::string guid;
  std::string name;
  std::string description;
  std::vector<std::pair<std::string, Value>> values; ///< attribute name -> value
};

struct ExchangeNote {
  std::string guid;
  MemoTarget target = MemoTarget::Project;
  std::string target_guid; ///< the source/code/coding/case it is on ("" for the project)
  std::string title;
  std::string text;
  std::string author;
  std::string created_at, updated_at;
};

/// Everything of a project that travels between projects and tools.
struct ProjectData {
  std::string name;   ///< the project's name (file stem)
  std::string origin; ///< the program that wrote it, when known
  std::string created_at;
  std::vector<ExchangeUser> users;
  std::vector<ExchangeCode> codes;
  std::vector<Attribute> attributes; ///< attribute (variable) definitions
  std::vector<ExchangeCase> cases;
  std::vector<ExchangeSource> sources;
  std::vector<ExchangeNote> notes;
  std::vector<std::string> warnings;     ///< from reading: what was read approximately
  std::vector<std::string> not_imported; ///< from reading: what could not be read, and why
};

struct ExchangeOptions {
  std::string action_name; ///< the undo step's name ("Import 'study.qdpx'")
  bool dry_run = false;    ///< work out the report, then roll back
};

/// One thing the store did, for the report: kind is "code", "source",
/// "case", "coding", "note", "user", "attribute" or "value".
struct ExchangeItem {
  std::string kind;
  std::string name;   ///< path of a code, name of a source/case/user, ...
  std::string detail; ///< what matched it, or what differs
};

struct ExchangeReport {
  std::vector<ExchangeItem> added;
  std::vector<ExchangeItem> matched; ///< already in the project (same GUID, path, content or name)
  std::vector<ExchangeItem> conflicts; ///< matched but different; the project's side was kept
  std::vector<std::string> warnings;
  std::vector<std::string> not_imported;
  std::int64_t codings_added = 0, codings_matched = 0, codings_merged = 0;
  std::vector<Id> documents; ///< sources stored or matched, in the order of the data
};

/// Stores data into a project (new or not) as one undoable action. Codes are
/// matched by GUID, then by path; sources by the SHA-256 of their text; cases
/// and attributes by name; users (coders) by name. Nothing of the project is
/// changed or removed: what differs is reported as a conflict and the
/// project's version kept. Codings keep their coder and time; a coding that
/// overlaps one of the same code and coder is merged with it (touching ones
/// stay apart). Throws InputError (nothing stored) for inconsistent data.
ExchangeReport store_exchange(Project& p, const ProjectData& data, const ExchangeOptions& opt = {});

/// "3 codes, 2 sources": items counted by kind, kinds in alphabetical order
/// ("nothing" when there are none), for the reports of an import or merge.
std::string count_by_kind(const std::vector<ExchangeItem>& items);

/// Reads a whole project into plain data (for export and merge).
ProjectData collect_exchange(const Project& p);

/// "{ABCDEF01-...}" -> "abcdef01-...": the form GUIDs are compared in.
std::string normalize_guid(std::string guid);
/// A GUID derived from text (the same text always gives the same GUID), for
/// objects REFI-QDA needs a GUID for and Quire does not store.
std::string derived_guid(const std::string& seed);

} // namespace quire
