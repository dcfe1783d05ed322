#pragma once
// The exceptions of Quire. Every error we throw derives from quire::Error, so
// one catch at the edge (CLI main, GUI command handler) catches ours.
#include <stdexcept>
#include <string>

namespace quire {

/// Root of all Quire errors. what() is a message fit to show a person.
class Error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
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
  StorageError(Kind kind, const std::string& what) : Error(what), m_kind(kind) {}
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
