// The app words each error's hint in its own menus, never a CLI flag
// (app/gui/hints.cpp); every "Menu > Item" it names is a real command.
#include <boost/test/unit_test.hpp>
#include <regex>

#include "command.h"
#include "gui_test_support.h"
#include "hints.h"
#include "quire/base/error.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

namespace {

/// Every hint, None to the last.
std::vector<Hint> all_hints() {
  std::vector<Hint> out;
  for (int h = 0; h <= static_cast<int>(Hint::ChooseTable); ++h) {
    out.push_back(static_cast<Hint>(h));
  }
  return out;
}

const std::regex cli_words(R"((^|[\s('"])--[a-z]|\bquire [a-z])");

} // namespace

BOOST_AUTO_TEST_SUITE(hints)

BOOST_AUTO_TEST_CASE(the_app_words_hints_in_menu_words_not_flags) {
  BOOST_TEST(gui::hint_words(Hint::None).empty());
  for (auto h : all_hints()) {
    auto words = gui::hint_words(h, "#row");
    BOOST_TEST_CONTEXT("hint " << static_cast<int>(h) << ": " << words) {
      BOOST_TEST(!std::regex_search(words, cli_words));
      BOOST_TEST((words.empty() || words[0] == '.' || words[0] == ';'));
    }
  }
  BOOST_TEST(gui::hint_words(Hint::ForceDelete).find("Codes > Delete Code…") != std::string::npos);
  BOOST_TEST(gui::hint_words(Hint::NameIdColumn).find("import preview") != std::string::npos);
  InputError e("code 'Place' has 0 subcode(s) and 1 coding(s)", Hint::ForceDelete);
  BOOST_TEST(gui::error_words(e) ==
             "code 'Place' has 0 subcode(s) and 1 coding(s)" + gui::hint_words(Hint::ForceDelete));
  StorageError ro(StorageError::Kind::ReadOnly, "study.quire cannot be written");
  BOOST_TEST(gui::error_words(ro).find("copy the file") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_menu_item_a_hint_names_is_a_command_of_the_window) {
  FrameFixture fx;
  std::vector<std::string> labels;
  for (const auto* c : fx.frame->commands().all()) {
    auto label = c->label;
    label.Replace("&", "");
    labels.push_back(gui::utf8(label));
  }
  const std::regex menu_item(R"((File|Edit|View|Codes|Analysis|Help) > )");
  int named = 0;
  for (auto h : all_hints()) {
    const auto words = gui::hint_words(h);
    for (std::sregex_iterator it(words.begin(), words.end(), menu_item), end; it != end; ++it) {
      const auto rest = words.substr(static_cast<std::size_t>(it->position() + it->length()));
      bool found = false;
      for (const auto& l : labels) {
        found = found || rest.rfind(l, 0) == 0;
      }
      BOOST_TEST(found, "no command for: " << it->str() << rest);
      ++named;
    }
  }
  BOOST_TEST(named >= 8);
}

BOOST_AUTO_TEST_CASE(a_refused_delete_shows_the_menu_words_in_the_dialog) {
  // The error dialog of a command shows the message and the app's hint.
  InputError e("code 'Place' has 0 subcode(s) and 1 coding(s)", Hint::ForceDelete);
  wxString shown;
  gui::guarded([&] { throw e; }, [&](const wxString& m) { shown = m; });
  BOOST_TEST(gui::utf8(shown).find("Codes > Delete Code…") != std::string::npos);
  BOOST_TEST(gui::utf8(shown).find("--force") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
