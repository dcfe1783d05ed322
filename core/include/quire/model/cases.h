#pragma once
// Cases (respondents, interviewees, sites) and their typed attributes.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "quire/base/types.h"

namespace quire {
class Project;

Id add_case(Project& p, const std::string& name, const std::string& description = {});
std::vector<Case> list_cases(const Project& p);
Case get_case(const Project& p, Id id);                    ///< throws NotFoundError
Case find_case(const Project& p, const std::string& name); ///< throws NotFoundError
std::optional<Case> try_find_case(const Project& p, const std::string& name);
void rename_case(Project& p, Id id, const std::string& new_name);
/// Deletes a case and its attribute values; documents/passages are unlinked.
void delete_case(Project& p, Id id);

std::vector<Attribute> list_attributes(const Project& p);
Attribute find_attribute(const Project& p, const std::string& name); ///< throws NotFoundError
/// Defines an attribute (no-op if it exists with this type; InputError if
/// it exists with another type).
Id add_attribute(Project& p, const std::string& name, AttrType type);

/// Parses user text into a value of the type: numbers ("1.5", "1,5"),
/// dates (ISO "2024-03-01", "01/03/2024" day first). Throws InputError.
Value parse_value(const std::string& text, AttrType type);

/// Sets a case's attribute (defining it as text when new). A missing Value
/// clears it.
void set_attribute(Project& p, Id case_id, const std::string& attribute, const Value& v);
/// All attribute values of a case (missing ones absent).
std::map<std::string, Value> case_attributes(const Project& p, Id case_id);
/// Every case's attributes at once: case id -> attribute name -> value.
std::map<Id, std::map<std::string, Value>> all_case_attributes(const Project& p);
/// Each attribute's distinct values as shown (Value::display()), in natural
/// order ("2" before "10"); missing and empty values left out. Every
/// attribute is there, with no values when no case has one.
std::map<std::string, std::vector<std::string>> attribute_values(const Project& p);
/// The values that contain typed (case-insensitively), in their order.
std::vector<std::string> values_matching(const std::vector<std::string>& values,
                                         const std::string& typed);

/// Links a document to a case (nullopt unlinks).
void link_document(Project& p, Id document_id, std::optional<Id> case_id);

} // namespace quire
