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
/// Quire project, from a newer Quire, damaged, locked, disk full.
class StorageError : public Error {
public:
  using Error::Error;
};

/// The user cancelled a long operation. Not really an error; nothing changed.
class Cancelled : public Error {
public:
  Cancelled() : Error("cancelled") {}
};

} // namespace quire
