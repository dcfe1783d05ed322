// HTML: the article without the page's chrome. PDF: paragraphs rebuilt.
#define BOOST_TEST_MODULE web_pdf
#include <algorithm>
#include <limits>
#include <sstream>

#include "importers/importer.h"
#include "importers/pdf_columns.h"
#include "quire/base/error.h"
#include "quire/base/text.h"
#include "support/test_support.h"

using namespace quire;
using quire::test::TempDir;

namespace {

std::vector<std::string> passages(const ImportData& d) {
  const auto& doc = d.documents.at(0);
  CodePointIndex idx(doc.text);
  std::vector<std::string> out;
  for (auto& p : doc.passages)
    out.emplace_back(idx.slice(p.start, p.end));
  return out;
}

/// A PDF with Helvetica as /F1, one page per content stream.
std::string pdf_of(const std::vector<std::string>& contents) {
  std::vector<std::string> objs;
  objs.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  int first_page = 4;
  for (std::size_t i = 0; i < contents.size(); ++i)
    kids += std::to_string(first_page + 2 * i) + " 0 R ";
  objs.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(contents.size()) +
                 " >>");
  objs.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (std::size_t i = 0; i < contents.size(); ++i) {
    const auto& content = contents[i];
    objs.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << "
                   "/F1 3 0 R >> >> /Contents " +
                   std::to_string(first_page + 2 * i + 1) + " 0 R >>");
    objs.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                   "\nendstream");
  }
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objs.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
  }
  auto xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
  for (auto o : offsets) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", o);
    pdf += buf;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

/// A small PDF with one text line per entry; "\f" starts a new page.
std::string make_pdf(const std::vector<std::string>& lines) {
  std::vector<std::string> contents(1, "BT /F1 12 Tf 14 TL 72 760 Td ");
  for (auto& l : lines) {
    if (l == "\f")
      contents.push_back("BT /F1 12 Tf 14 TL 72 760 Td ");
    else
      contents.back() += "(" + l + ") Tj T* ";
  }
  for (auto& c : contents)
    c += "ET";
  return pdf_of(contents);
}

/// A page set in columns of 12 pt Helvetica on 14 pt lines, column i's
/// lines starting at x = xs[i], all from the top line at y = 700 down; ""
/// is an empty line (a paragraph gap). `title` runs across the columns above
/// them, and the page number sits at the foot, in the middle.
std::string columns_page(const std::vector<std::vector<std::string>>& columns,
                         const std::vector<double>& xs, const std::string& title, int page_number) {
  std::string c;
  auto put = [&](double x, double y, const std::string& text) {
    if (!text.empty())
      c += "BT /F1 12 Tf 1 0 0 1 " + std::to_string(x) + " " + std::to_string(y) + " Tm (" + text +
           ") Tj ET\n";
  };
  if (!title.empty())
    put(150, 740, title);
  for (std::size_t k = 0; k < columns.size(); ++k) {
    for (std::size_t i = 0; i < columns[k].size(); ++i)
      put(xs[k], 700 - 14.0 * static_cast<double>(i), columns[k][i]);
  }
  put(303, 60, std::to_string(page_number));
  return c;
}

/// Two columns as a journal sets them: from x = 72 and x = 324, a gutter of
/// about 36 pt between them.
std::string two_columns(const std::vector<std::string>& left, const std::vector<std::string>& right,
                        const std::string& title, int page_number) {
  return columns_page({left, right}, {72, 324}, title, page_number);
}

std::string error_of(const std::filesystem::path& p) {
  try {
    read_file(p);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(read)";
}

} // namespace

BOOST_AUTO_TEST_CASE(html_keeps_the_article_drops_the_chrome) {
  TempDir dir;
  quire::test::write_file(dir / "post.html", R"(<!doctype html><html><head><title>T</title>
<style>p{color:red}</style><script>var tracking = 1;</script></head><body>
<header><h1>My blog</h1><nav><a href="/">Home</a></nav></header>
<div class="sidebar"><p>Archive links</p></div>
<article><h2>Why networks matter</h2>
<p>Teachers &amp; leaders   share
 ideas &ndash; often.</p>
<ul><li>First point</li><li>Second <b>bold</b> point</li></ul>
<div id="comments"><p>Great post!</p><form><textarea>Leave a reply</textarea></form></div>
</article>
<footer><p>Copyright 2026</p></footer></body></html>)");
  auto d = read_file(dir / "post.html");
  BOOST_TEST(d.kind == "html");
  auto p = passages(d);
  std::vector<std::string> want = {"Why networks matter",
                                   "Teachers & leaders share ideas \xE2\x80\x93 often.",
                                   "First point", "Second bold point"};
  BOOST_TEST(p == want, boost::test_tools::per_element());
  auto text = d.documents[0].text;
  for (auto gone : {"tracking", "Home", "Archive", "Great post", "Copyright", "color"}) {
    BOOST_TEST(text.find(gone) == std::string::npos, gone);
  }
}

BOOST_AUTO_TEST_CASE(html_saved_news_page_drops_banners_ads_and_newsletter) {
  // A page as a browser saves it: consent banner, share bar, ad slot,
  // related stories, newsletter form around the article.
  auto d = read_file(quire::test::fixture("web/saved-news-page.html"));
  auto p = passages(d);
  std::vector<std::string> want = {
      "Why volunteers stay", "By Sam Okoro \xC2\xB7 12 March 2024",
      "Most volunteer programmes lose half their new recruits within the first year. The ones "
      "that keep them have something in common: a person who notices.",
      "At the food bank on Mill Lane, every new volunteer is paired with someone who has been "
      "there at least two years. \"It's not training, exactly,\" says coordinator Ruth Adeyemi. "
      "\"It's someone who says hello.\"",
      "The pairing costs nothing, and it has halved the number of people who drift away."};
  BOOST_TEST(p == want, boost::test_tools::per_element());
  auto text = d.documents[0].text;
  for (auto gone : {"cookies", "Accept all", "Share on", "Advertisement", "Related", "newsletter",
                    "Subscribe", "rights reserved", "tracking", "dataLayer"}) {
    BOOST_TEST(text.find(gone) == std::string::npos, gone);
  }
}

BOOST_AUTO_TEST_CASE(pdf_paragraphs_hyphens_pages) {
  TempDir dir;
  quire::test::write_file(dir / "a.pdf",
                          make_pdf({"Networks help teachers share", "practice across schools.", "",
                                    "A second paragraph about net-", "works that crosses the", "1",
                                    "\f", "page break and ends here.", "", "2"}));
  auto d = read_file(dir / "a.pdf");
  BOOST_TEST(d.kind == "pdf");
  auto p = passages(d);
  std::vector<std::string> want = {
      "Networks help teachers share practice across schools.",
      "A second paragraph about networks that crosses the page break and ends here."};
  BOOST_TEST(p == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(pdf_page_number_below_a_gap_ends_no_paragraph) {
  // The page number stands apart from the text (an empty line above it):
  // dropping it, the paragraph still runs on to the next page.
  TempDir dir;
  quire::test::write_file(dir / "a.pdf", make_pdf({"A paragraph that runs", "", "", "7", "\f",
                                                   "onto the next page.", "", "8"}));
  std::vector<std::string> want = {"A paragraph that runs onto the next page."};
  BOOST_TEST(passages(read_file(dir / "a.pdf")) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(pdf_two_columns_read_left_then_right) {
  // Lines of the two columns share baselines: read across the page they
  // would interleave. A paragraph runs on from the left column into the
  // right one (and is hyphenated there) and from page 1 onto page 2.
  auto page1 = two_columns(
      {"Teachers who join a network say the", "first gain is simply company: someone",
       "else who has tried the same lesson and", "can say what went wrong with it.", "",
       "The second gain takes longer. Over a", "year or two the visits and the shared",
       "folders grow into a habit of asking,", "and the habit is what keeps the net-"},
      {"works alive when the funding ends and", "the coordinators move on to new posts.", "",
       "Schools that hosted visits reported", "more gains than those that only sent",
       "staff, perhaps because hosting means", "explaining why a lesson is taught the"},
      "Personal learning networks: what the schools said", 1);
  auto page2 =
      two_columns({"way it is, which is a kind of review", "that few schools find time for alone.",
                   "", "Time remained the main complaint. Most",
                   "visits happened in holidays or after", "school, and cover for a day away was"},
                  {"hard to find in small schools, where", "one absence closes a class for a day.",
                   "", "Several coordinators asked for a fixed",
                   "day each term when visits could be", "planned without asking for cover."},
                  "", 2);
  TempDir dir;
  quire::test::write_file(dir / "two-columns.pdf", pdf_of({page1, page2}));
  auto p = passages(read_file(dir / "two-columns.pdf"));
  std::vector<std::string> want = {
      "Personal learning networks: what the schools said",
      "Teachers who join a network say the first gain is simply company: someone else who has "
      "tried the same lesson and can say what went wrong with it.",
      "The second gain takes longer. Over a year or two the visits and the shared folders grow "
      "into a habit of asking, and the habit is what keeps the networks alive when the funding "
      "ends and the coordinators move on to new posts.",
      "Schools that hosted visits reported more gains than those that only sent staff, perhaps "
      "because hosting means explaining why a lesson is taught the way it is, which is a kind of "
      "review that few schools find time for alone.",
      "Time remained the main complaint. Most visits happened in holidays or after school, and "
      "cover for a day away was hard to find in small schools, where one absence closes a class "
      "for a day.",
      "Several coordinators asked for a fixed day each term when visits could be planned without "
      "asking for cover."};
  BOOST_TEST(p == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(pdf_three_columns_read_in_turn) {
  // A newsletter's three narrow columns (10 pt gutters would be word gaps;
  // these are about 20 pt): each read whole, left to right.
  auto page = columns_page(
      {{"The network met four times", "this year, twice in each", "of the two towns, and the",
        "meetings were full.", "", "Visits between schools", "were the part people"},
       {"valued most: a morning in", "another classroom gave", "them more than a day of",
        "courses.", "", "The coordinators want", "to keep the visits going"},
       {"next year and to add a", "shared folder for the", "plans people bring back", "with them.",
        "", "Ask your coordinator", "about the spring dates."}},
      {72, 242, 412}, "", 3);
  TempDir dir;
  quire::test::write_file(dir / "three.pdf", pdf_of({page}));
  std::vector<std::string> want = {
      "The network met four times this year, twice in each of the two towns, and the meetings "
      "were full.",
      "Visits between schools were the part people valued most: a morning in another classroom "
      "gave them more than a day of courses.",
      "The coordinators want to keep the visits going next year and to add a shared folder for "
      "the plans people bring back with them.",
      "Ask your coordinator about the spring dates."};
  BOOST_TEST(passages(read_file(dir / "three.pdf")) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(pdf_table_of_two_short_columns_stays_in_rows) {
  // A gutter with short cells either side is a table, not two columns of
  // text: each row stays together as before.
  auto page = two_columns(
      {"Amira Haddad", "Ben Okafor", "Chen Wei", "Dana Levi", "Eli Moss", "Fatima Noor"},
      {"Coordinator", "Head teacher", "Teacher", "Coordinator", "Teacher", "Deputy head"}, "", 1);
  TempDir dir;
  quire::test::write_file(dir / "table.pdf", pdf_of({page}));
  auto text = read_file(dir / "table.pdf").documents.at(0).text;
  auto at = [&](const char* s) { return text.find(s); };
  BOOST_TEST(at("Amira Haddad") < at("Coordinator"));
  BOOST_TEST(at("Coordinator") < at("Ben Okafor"));
  BOOST_TEST(at("Fatima Noor") < at("Deputy head"));
}

BOOST_AUTO_TEST_CASE(pdf_column_finder_takes_odd_boxes_in_its_stride) {
  // What a damaged PDF's text layer may hold: boxes not numbers, inside out,
  // or far off the page. They are left out, and the columns found without them.
  using quire::detail::PdfBox;
  std::vector<PdfBox> words;
  for (int i = 0; i < 8; ++i) {
    double y = 100 + 14.0 * i;
    words.push_back({72, y, 270, y + 11});
    words.push_back({324, y, 530, y + 11});
  }
  auto clean = quire::detail::column_regions(words);
  BOOST_TEST_REQUIRE(clean.size() == 2u);
  BOOST_TEST(clean[0].x1 == 297.0);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  words.push_back({nan, 100, 200, 111});
  words.push_back({100, 100, inf, 111});
  words.push_back({-1e12, 150, 1e12, 161});
  words.push_back({400, 180, 300, 191});
  words.push_back({100, 200, 150, 200});
  auto odd = quire::detail::column_regions(words);
  BOOST_TEST_REQUIRE(odd.size() == 2u);
  BOOST_TEST(odd[0].x1 == 297.0);
  BOOST_TEST(quire::detail::column_regions({{nan, nan, nan, nan}}).empty());
}

BOOST_AUTO_TEST_CASE(broken_pdfs_are_refused) {
  TempDir dir;
  auto good = make_pdf({"Some text here."});
  quire::test::write_file(dir / "half.pdf", good.substr(0, 40));
  BOOST_TEST(error_of(dir / "half.pdf").find("half.pdf") != std::string::npos);
  quire::test::write_file(dir / "fake.pdf", "This is not a PDF at all, only a name.");
  BOOST_TEST(error_of(dir / "fake.pdf").find("not a PDF") != std::string::npos);
  quire::test::write_file(dir / "empty-page.pdf", make_pdf({}));
  BOOST_TEST(error_of(dir / "empty-page.pdf").find("no text") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE(samples, *boost::unit_test::precondition(quire::test::NeedsShared()))

BOOST_AUTO_TEST_CASE(blog_html_matches_the_text_version) {
  // The same words in the same paragraphs; the .txt keeps a line break where
  // the HTML has a space.
  auto squash = [](std::vector<std::string> v) {
    for (auto& s : v)
      std::replace(s.begin(), s.end(), '\n', ' ');
    return v;
  };
  auto html = squash(passages(read_file(*quire::test::shared_sample("pln-blog-posts.html"))));
  auto txt = squash(passages(read_file(*quire::test::shared_sample("pln-blog-posts.txt"))));
  BOOST_TEST(html == txt, boost::test_tools::per_element());
  auto text = read_file(*quire::test::shared_sample("pln-blog-posts.html")).documents[0].text;
  BOOST_TEST(text.find("dataLayer") == std::string::npos);
  BOOST_TEST(text.find("Archive") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(article_pdf_matches_the_text_version) {
  auto pdf =
      passages(read_file(*quire::test::shared_sample("personally-networked-for-learning.pdf")));
  auto txt =
      passages(read_file(*quire::test::shared_sample("personally-networked-for-learning.txt")));
  // All paragraphs agree but the last: the PDF's comment-form line "Leave a
  // Reply" follows the last reference without a gap, so it joins it.
  BOOST_TEST_REQUIRE(pdf.size() == txt.size() - 1);
  for (std::size_t i = 0; i + 1 < pdf.size(); ++i) {
    BOOST_TEST(pdf[i] == txt[i]);
  }
}

BOOST_AUTO_TEST_SUITE_END()
