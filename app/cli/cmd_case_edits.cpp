// cases: rename, merge, rename-attribute, retype, delete-attribute,
// from-documents, from-speakers (core/include/quire/model/case_edits.h; the
// desktop app's Cases page runs the same operations).
#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "quire/model/case_edits.h"
#include "quire/model/cases.h"
#include "quire/model/documents.h"

namespace quire::cli {

void add_case_edit_commands(CLI::App* cases);

void add_case_edit_commands(CLI::App* cases) {
  auto name = std::make_shared<std::string>();
  auto other = std::make_shared<std::string>();
  auto* rename = project_command(cases, "rename", "Rename a case", [name, other](Project& p, bool) {
    rename_case(p, find_case(p, *name).id, *other);
    std::cout << "Renamed case " << *name << " to " << *other << '\n';
  });
  rename->add_option("case", *name, "Case name")->required();
  rename->add_option("new-name", *other, "New name")->required();

  auto* merge = project_command(
      cases, "merge",
      "Merge a case into another (its documents, passages, memos and the values the other lacks)",
      [name, other](Project& p, bool) {
        merge_cases(p, find_case(p, *name).id, find_case(p, *other).id);
        std::cout << "Merged case " << *name << " into " << *other << '\n';
      });
  merge->add_option("case", *name, "The case merged away")->required();
  merge->add_option("into", *other, "The case it is merged into (kept)")->required();

  auto* rename_attr = project_command(
      cases, "rename-attribute", "Rename an attribute", [name, other](Project& p, bool) {
        rename_attribute(p, find_attribute(p, *name).id, *other);
        std::cout << "Renamed attribute " << *name << " to " << *other << '\n';
      });
  rename_attr->add_option("attribute", *name, "Attribute name")->required();
  rename_attr->add_option("new-name", *other, "New name")->required();

  auto* retype = project_command(
      cases, "retype",
      "Change an attribute's type, converting every value (refused, naming the case, when one "
      "does not convert)",
      [name, other](Project& p, bool) {
        retype_attribute(p, find_attribute(p, *name).id, attr_type_from_string(*other));
        std::cout << "Attribute " << *name << " holds " << *other << " now\n";
      });
  retype->add_option("attribute", *name, "Attribute name")->required();
  retype->add_option("type", *other, "text, number or date")
      ->required()
      ->check(CLI::IsMember({"text", "number", "date"}));

  auto* del_attr =
      project_command(cases, "delete-attribute", "Delete an attribute and every case's value of it",
                      [name](Project& p, bool) {
                        delete_attribute(p, find_attribute(p, *name).id);
                        std::cout << "Deleted attribute " << *name << '\n';
                      });
  del_attr->add_option("attribute", *name, "Attribute name")->required();

  auto docs = std::make_shared<std::vector<std::string>>();
  auto* from_docs = project_command(
      cases, "from-documents",
      "Make a case of each document (named as it, or the case of that name) and link it",
      [docs](Project& p, bool) {
        std::vector<Id> ids;
        for (const auto& d : *docs) {
          ids.push_back(find_document(p, d).id);
        }
        auto made = make_document_cases(p, ids);
        for (std::size_t i = 0; i < made.size(); ++i) {
          std::cout << "Linked " << (*docs)[i] << " to case " << get_case(p, made[i]).name << '\n';
        }
      });
  from_docs->add_option("documents", *docs, "Document names")->required();

  auto* from_speakers = project_command(
      cases, "from-speakers",
      "Make a case of each speaker of transcripts and link their turns to it (default: every "
      "document)",
      [docs](Project& p, bool) {
        std::vector<Id> ids;
        for (const auto& d : *docs) {
          ids.push_back(find_document(p, d).id);
        }
        for (const auto& [speaker, id] : make_speaker_cases(p, ids)) {
          std::cout << "Linked the turns of " << speaker << " to case " << get_case(p, id).name
                    << '\n';
        }
      });
  from_speakers->add_option("documents", *docs, "Document names");
}

} // namespace quire::cli
