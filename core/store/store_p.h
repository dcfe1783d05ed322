#pragma once
// Private: row-level helpers shared by the operations that store many
// objects at once (imports, merges). Each runs inside the caller's Action.
#include <cstdint>
#include <optional>
#include <string>

#include "quire/base/types.h"
#include "store/db_p.h"

namespace quire::detail {

/// The attribute's id, defining it with this type when new (with guid when
/// one is given, else a new GUID). *existing gets the type the attribute has
/// in the project; *created tells whether it was defined now.
Id ensure_attribute_id(Db& db, const std::string& name, AttrType type, AttrType* existing = nullptr,
                       const std::string& guid = {}, bool* created = nullptr);
/// ensure_attribute_id for many attributes in one action (an import, a
/// merge): a new attribute goes after the others, and where that is is read
/// once, not for each (it is a scan of the attribute table: per attribute,
/// a survey of 40,000 columns took 34 s). (cases.cpp)
class AttributeMaker {
public:
  explicit AttributeMaker(Db& db) : m_db(db) {}
  Id ensure(const std::string& name, AttrType type, AttrType* existing = nullptr,
            const std::string& guid = {}, bool* created = nullptr);

private:
  Db& m_db;
  std::int64_t m_next_ord = 0; ///< 0: not read yet
};
/// wanted, or "wanted (2)", "wanted (3)"... whichever no document has.
std::string unique_document_name(Db& db, const std::string& wanted);
/// The code named name under parent (nullopt: top level), if any.
std::optional<Id> child_code_id(Db& db, std::optional<Id> parent, const std::string& name);
/// Inserts a code (a palette colour when color is empty; a new GUID when
/// guid is empty). Throws InputError for a bad name.
Id insert_code(Db& db, std::optional<Id> parent, const std::string& name, std::string color,
               const std::string& description, const std::string& guid = {});

} // namespace quire::detail
