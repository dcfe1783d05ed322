#pragma once
// The exceptions of Quire. Every error we throw derives from quire::Error, so
// one catch at the edge (CLI main, GUI command handler) catches ours.
#include <stdexcept>
#include <string>
#include <utility>

namespace quire {

/// What a person can do about an error, named once here and worded by each
/// front end its own way (app/cli/hints.cpp: "see 'quire cases list'", "use
/// --force ..."; app/gui/hints.cpp: "Codes > Delete ..."). No message from
/// core, an importer or an exporter names a CLI flag or command: the hint
/// carries that, so the GUI never shows one. See docs/design.md, "Errors:
/// kind, hint, and each front end's words".
enum class Hint {
  None,
  ListCases,            ///< an unknown case: where the cases are listed
  ListAttributes,       ///< an unknown case attribute
  ListCodes,            ///< an unknown code: list them, or add it
  ListDocuments,        ///< an unknown document
  ListCoders,           ///< an unknown coder
  ListSafetyCopies,     ///< an unknown safety copy
  CreateProject,        ///< no project at that path: make one
  ForceDelete,          ///< a code with subcodes or codings: confirm to delete them too
  ImportAgainOrReplace, ///< same content imported before: import a copy or replace it
  ChooseImporter,       ///< the kind of file was not recognised: name the kind
  ImportAsText,         ///< no transcript turns: read it as plain text
  ImportAsCsv,          ///< an .xlsx that is no workbook: read it as CSV
  RaiseSizeLimit,       ///< a file over the size limit
  ChooseSheet,          ///< an empty sheet of a workbook with others
  NameIdColumn,         ///< no column identifies respondents: name one (arg: the "by row" name)
  NameTextColumns,      ///< a cases file given answer columns: leave them out
  NameTwoCoders,        ///< agreement asked of fewer than two coders
  NameSheetCoders,      ///< an export's Agreement sheet asked of other than two coders
  WriteMatrixSpec,      ///< a matrix asked for in words Quire cannot read
  UpdateCases,          ///< a sheet would change existing cases' values: import it updating them
  ChooseTable,          ///< a CSV export of an unknown table
  // ChooseTable stays last: tests walk every hint from None to it.
};

/// Root of all Quire errors. what() is a message fit to show a person: a
/// whole sentence without the hint. hint() says what can be done about it,
/// for the front end to word; hint_arg() is a word the hint may need.
class Error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
  Error(const std::string& what, Hint hint, std::string hint_arg = {})
      : std::runtime_error(what), m_hint(hint), m_hint_arg(std::move(hint_arg)) {}
  Hint hint() const { return m_hint; }
  const std::string& hint_arg() const { return m_hint_arg; }

private:
  Hint m_hint = Hint::None;
  std::string m_hint_arg;
};

/// Bad input from the user: a malformed file, an unknown code path, an offset
/// outside the text. The message says which file/row/position and what to do.
class InputError : public Error {
public:
  using Error::Error;
};

/// Something named does not exist (document, code, case, passage...).
class NotFoundError : public InputError {
public:
  using InputError::InputError;
};

/// The project file or the search index cannot be read or written: not a
/// Quire project, from a newer Quire, damaged, locked, disk full. kind() says
/// which, so a front end can add its own words of what to do (what() is
/// already a whole sentence without them).
class StorageError : public Error {
public:
  enum class Kind {
    Other,          ///< anything else (an I/O error, a missing file)
    NotAProject,    ///< not a Quire project at all
    NewerVersion,   ///< written by a newer Quire
    Damaged,        ///< SQLite reports damage, or a check failed
    Truncated,      ///< shorter than SQLite says it must be
    ReadOnly,       ///< the file or its folder cannot be written
    OpenedReadOnly, ///< a change asked of a project opened read-only
    DiskFull,       ///< no space left (or a file size limit)
    Busy,           ///< another program holds the lock for too long
    NoAccess,       ///< the file or folder belongs to someone else / cannot be opened
  };
  using Error::Error;
  StorageError(Kind kind, const std::string& what, Hint hint = Hint::None)
      : Error(what, hint), m_kind(kind) {}
  Kind kind() const { return m_kind; }

private:
  Kind m_kind = Kind::Other;
};

/// The user cancelled a long operation. Not really an error; nothing changed.
class Cancelled : public Error {
public:
  Cancelled() : Error("cancelled") {}
};

} // namespace quire
