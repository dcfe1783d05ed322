// HTML: the article without the page's chrome. PDF: paragraphs rebuilt.
#define BOOST_TEST_MODULE web_pdf
#include <algorithm>
#include <sstream>

#include "core/error.h"
#include "core/text.h"
#include "importers/importer.h"
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

/// A small PDF with one text line per entry; "\f" starts a new page.
std::string make_pdf(const std::vector<std::string>& lines) {
  std::vector<std::vector<std::string>> pages(1);
  for (auto& l : lines) {
    if (l == "\f")
      pages.emplace_back();
    else
      pages.back().push_back(l);
  }
  std::vector<std::string> objs;
  objs.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  int first_page = 4;
  for (std::size_t i = 0; i < pages.size(); ++i)
    kids += std::to_string(first_page + 2 * i) + " 0 R ";
  objs.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) +
                 " >>");
  objs.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (std::size_t i = 0; i < pages.size(); ++i) {
    std::string content = "BT /F1 12 Tf 14 TL 72 760 Td ";
    for (auto& l : pages[i])
      content += "(" + l + ") Tj T* ";
    content += "ET";
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
