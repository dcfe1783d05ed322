// quire-gui --screenshot writes a PNG of the laid-out window, of the size asked.
#include <wx/image.h>

#include "gui_test_support.h"
#include "importers/importer.h"
#include "quire/model/codebook.h"
#include "quire/model/documents.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

BOOST_AUTO_TEST_SUITE(screenshot)

BOOST_AUTO_TEST_CASE(screenshot_writes_a_non_blank_png_of_the_requested_size) {
  TempDir dir;
  auto file = dir / "shot.quire";
  {
    auto p = Project::create(file);
    store_import(p, quire::read_file(fixture("gui/interview-cafe.txt")));
    add_code(p, "Barriers/Time", "#f58231");
  }
  auto png = dir / "shot.png";
  auto r = run_program(QUIRE_GUI_PATH, {"--screenshot", png.string(), "--size", "1024x700",
                                        "--select-code", "Barriers/Time", file.string()});
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  wxImage img;
  BOOST_REQUIRE(img.LoadFile(gui::wx(png.string()), wxBITMAP_TYPE_PNG));
  BOOST_CHECK_EQUAL(img.GetWidth(), 1024);
  BOOST_CHECK_EQUAL(img.GetHeight(), 700);
  // Not blank: many distinct colours (text, swatches, panes).
  std::set<unsigned> colours;
  const unsigned char* d = img.GetData();
  for (int i = 0; i < img.GetWidth() * img.GetHeight(); i += 97) {
    colours.insert(d[3 * i] << 16 | d[3 * i + 1] << 8 | d[3 * i + 2]);
  }
  BOOST_CHECK_GT(colours.size(), 20u);
}

BOOST_AUTO_TEST_CASE(screenshot_of_an_unknown_code_fails_with_a_message) {
  TempDir dir;
  auto file = dir / "shot.quire";
  Project::create(file);
  auto r = run_program(QUIRE_GUI_PATH, {"--screenshot", (dir / "x.png").string(), "--select-code",
                                        "No/Such", file.string()});
  BOOST_CHECK_NE(r.status, 0);
  BOOST_CHECK_NE(r.err.find("No/Such"), std::string::npos);
  BOOST_CHECK(!std::filesystem::exists(dir / "x.png"));
}

BOOST_AUTO_TEST_SUITE_END()
