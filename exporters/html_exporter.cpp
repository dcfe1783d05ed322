// `quire export P OUT.html`: a self-contained report (codebook, theme table,
// quotes per code) to open in any browser. No scripts, no external files.
#include <fstream>
#include <map>

#include "builtin.h"
#include "export_tables.h"
#include "quire/base/error.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/store/project.h"

namespace quire {
namespace {

std::string esc(const std::string& s) {
  std::string o;
  o.reserve(s.size());
  for (char c : s) {
    switch (c) {
    case '&': o += "&amp;"; break;
    case '<': o += "&lt;"; break;
    case '>': o += "&gt;"; break;
    case '"': o += "&quot;"; break;
    default: o += c;
    }
  }
  return o;
}

const char* const style = R"(<style>
body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.3rem .5rem;
vertical-align:top}th{background:#1f4e78;color:#fff;text-align:left}td.n{text-align:right}
.sw{display:inline-block;width:.9em;height:.9em;border:1px solid #888;margin-right:.4em}
blockquote{margin:.5rem 0;padding:.4rem .8rem;border-left:4px solid #1f4e78;background:#f6f8fa;
white-space:pre-wrap}.src{color:#555;font-size:.9em}caption{text-align:left;font-style:italic}
</style>)";

void write_table(std::ostream& out, const ExportTable& t) {
  out << "<table>";
  if (!t.title.empty()) {
    out << "<caption>" << esc(t.title) << "</caption>";
  }
  out << "<tr>";
  for (const auto& c : t.columns) {
    out << "<th>" << esc(c.name) << "</th>";
  }
  out << "</tr>\n";
  for (const auto& r : t.rows) {
    out << "<tr>";
    for (const auto& c : r) {
      bool num = c.kind == ExportCell::Number || c.kind == ExportCell::Percent;
      out << (num ? "<td class=n>" : "<td>");
      if (!c.fill.empty()) {
        out << "<span class=sw style=\"background:" << esc(c.fill) << "\"></span>";
      }
      out << esc(c.display()) << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</table>\n";
}

class HtmlExporter : public Exporter {
public:
  static constexpr std::size_t max_quotes = 200; ///< per code; the rest are counted

  std::string format() const override { return "html"; }
  std::string description() const override {
    return "A report for a browser: codebook, theme table, quotes per code";
  }
  std::vector<std::string> extensions() const override { return {".html", ".htm"}; }

  ExportReport write(const Project& p, const std::filesystem::path& out, const ExportOptions& o,
                     Progress& progress) const override {
    auto codebook = codebook_table(p, o);
    auto theme = theme_table(p, o);
    std::ofstream f(out, std::ios::binary);
    if (!f) {
      throw StorageError(out.string() + ": cannot create this file (is the folder writable?)");
    }
    const auto name = p.path().stem().string();
    f << "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8><title>" << esc(name)
      << " — Quire report</title>" << style << "</head><body>\n<h1>" << esc(name) << "</h1>\n";
    f << "<h2>Codebook</h2>\n";
    write_table(f, codebook);
    f << "<h2>Theme table</h2>\n";
    if (theme.columns.empty()) {
      f << "<p>" << esc(theme.title) << "</p>\n";
    } else {
      write_table(f, theme);
    }
    progress.message("Collecting quotes");
    // Quotes per code, in codebook order.
    std::map<std::string, std::vector<std::vector<ExportCell>>> quotes;
    std::map<std::string, std::int64_t> counts;
    std::vector<ExportColumn> cols;
    std::size_t text_col = 0, doc_col = 1, case_col = 2;
    std::int64_t rows = 0;
    segment_rows(
        p, o,
        [&](const std::vector<ExportColumn>& c) {
          cols = c;
          for (std::size_t i = 0; i < c.size(); ++i) {
            if (c[i].name == "Text") {
              text_col = i;
            }
          }
        },
        [&](const std::vector<ExportCell>& r) {
          const auto& code = r[0].text;
          if (quotes[code].size() < max_quotes) {
            quotes[code].push_back(r);
          }
          ++counts[code];
          ++rows;
        },
        progress);
    f << "<h2>Quotes per code</h2>\n";
    for (const auto& c : list_codes(p)) {
      auto it = quotes.find(c.path);
      if (it == quotes.end()) {
        continue;
      }
      f << "<h3><span class=sw style=\"background:" << esc(c.color) << "\"></span>" << esc(c.path)
        << " <small>(" << counts[c.path] << ")</small></h3>\n";
      if (!c.description.empty()) {
        f << "<p><em>" << esc(c.description) << "</em></p>\n";
      }
      for (const auto& r : it->second) {
        f << "<blockquote>" << esc(r[text_col].text) << "</blockquote><div class=src>"
          << esc(r[doc_col].text);
        if (!r[case_col].text.empty()) {
          f << " · " << esc(r[case_col].text);
        }
        f << "</div>\n";
      }
      if (counts[c.path] > static_cast<std::int64_t>(it->second.size())) {
        f << "<p>… and " << counts[c.path] - static_cast<std::int64_t>(it->second.size())
          << " more (export to Excel for all of them).</p>\n";
      }
    }
    f << "<p class=src>Made by Quire from " << esc(p.path().filename().string()) << ".</p>\n"
      << "</body></html>\n";
    f.close();
    if (!f) {
      throw StorageError(
          out.string() +
          ": could not write the file. The disk may be full: free some space or choose another "
          "folder, then export again");
    }
    ExportReport r;
    r.rows = rows;
    return r;
  }
};

} // namespace

std::unique_ptr<Exporter> make_html_exporter() {
  return std::make_unique<HtmlExporter>();
}

} // namespace quire
