// Numbers and dates in table cells.
#include "cell_values.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace quire {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

/// A cursor over a string for small hand-written grammars.
struct Scan {
  std::string_view s;
  std::size_t i = 0;
  bool end() const { return i >= s.size(); }
  bool eat(char c) {
    if (!end() && s[i] == c) {
      ++i;
      return true;
    }
    return false;
  }
  /// Reads min..max digits; -1 when fewer than min.
  int digits(std::size_t min, std::size_t max) {
    std::size_t start = i;
    int v = 0;
    while (!end() && is_digit(s[i]) && i - start < max) {
      v = v * 10 + (s[i++] - '0');
    }
    return i - start >= min ? v : -1;
  }
};

/// The rest of a date: a time "16:08", "16:08:33.5", "4:08 PM", with an
/// optional zone "Z" or "+01:00". True when the whole rest is such a time.
bool time_rest(Scan& sc) {
  if (sc.digits(1, 2) < 0 || !sc.eat(':') || sc.digits(2, 2) < 0) {
    return false;
  }
  if (sc.eat(':')) {
    if (sc.digits(2, 2) < 0)
      return false;
    if (sc.eat('.') || sc.eat(',')) {
      if (sc.digits(1, 9) < 0)
        return false;
    }
  }
  sc.eat(' ');
  if (!sc.end() &&
      (sc.s[sc.i] == 'A' || sc.s[sc.i] == 'P' || sc.s[sc.i] == 'a' || sc.s[sc.i] == 'p')) {
    ++sc.i;
    if (!sc.eat('M') && !sc.eat('m'))
      return false;
  }
  if (sc.eat('Z')) {
    return sc.end();
  }
  if (sc.eat('+') || sc.eat('-')) {
    if (sc.digits(2, 2) < 0)
      return false;
    sc.eat(':');
    if (sc.digits(2, 2) < 0)
      return false;
  }
  return sc.end();
}

bool valid_ymd(int y, int m, int d) {
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1000 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) {
    return false;
  }
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m != 2 || d <= 28 || leap;
}

/// Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
void civil_from_days(long long z, int& y, int& m, int& d) {
  z += 719468;
  long long era = (z >= 0 ? z : z - 146096) / 146097;
  long long doe = z - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long long mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
}

} // namespace

TableCell TableCell::of_number(double d) {
  return {Kind::Number, format_number(d), d};
}

std::string_view trim(std::string_view s) {
  auto space_at_front = [&] {
    if (s.empty())
      return std::size_t{0};
    if (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r')
      return std::size_t{1};
    return s.substr(0, 2) == "\xC2\xA0" ? std::size_t{2} : std::size_t{0};
  };
  auto space_at_back = [&] {
    if (s.empty())
      return std::size_t{0};
    char c = s.back();
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
      return std::size_t{1};
    return s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0" ? std::size_t{2} : std::size_t{0};
  };
  for (std::size_t n; (n = space_at_front()) > 0;)
    s.remove_prefix(n);
  for (std::size_t n; (n = space_at_back()) > 0;)
    s.remove_suffix(n);
  return s;
}

std::optional<double> parse_number(std::string_view raw) {
  std::string_view s = trim(raw);
  if (s.empty() || s.size() > 64) {
    return std::nullopt;
  }
  std::string n(s);
  std::size_t digits_at = (n[0] == '-' || n[0] == '+') ? 1 : 0;
  if (n[0] == '+') {
    n.erase(0, 1);
    digits_at = 0;
  }
  // A leading zero before another digit marks a code ("0123"), not a number.
  if (n.size() > digits_at + 1 && n[digits_at] == '0' && is_digit(n[digits_at + 1])) {
    return std::nullopt;
  }
  auto comma = n.find(',');
  if (comma != std::string::npos) {
    // A decimal comma: one comma, no point, and not three digits after it.
    std::size_t after = 0;
    while (comma + 1 + after < n.size() && is_digit(n[comma + 1 + after]))
      ++after;
    if (n.find(',', comma + 1) != std::string::npos || n.find('.') != std::string::npos ||
        after == 3 || after == 0) {
      return std::nullopt;
    }
    n[comma] = '.';
  }
  if (n.size() <= digits_at || !(is_digit(n[digits_at]) || n[digits_at] == '.')) {
    return std::nullopt; // no "inf", "nan", "-" or "."
  }
  double v = 0;
  auto [ptr, ec] = std::from_chars(n.data(), n.data() + n.size(), v);
  if (ec != std::errc() || ptr != n.data() + n.size() || !std::isfinite(v)) {
    return std::nullopt;
  }
  return v;
}

std::string format_number(double d) {
  if (std::floor(d) == d && std::fabs(d) < 1e15) {
    return std::to_string(static_cast<long long>(d));
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", d);
  return buf;
}

std::optional<DateParts> split_date(std::string_view raw) {
  Scan sc{trim(raw)};
  if (sc.s.size() < 8 || sc.s.size() > 40 || !is_digit(sc.s[0])) {
    return std::nullopt;
  }
  DateParts p;
  int a = sc.digits(1, 4);
  std::size_t a_len = sc.i;
  if (sc.end()) {
    return std::nullopt;
  }
  char sep = sc.s[sc.i];
  if (sep != '-' && sep != '/' && sep != '.') {
    return std::nullopt;
  }
  ++sc.i;
  int b = sc.digits(1, 2);
  if (b < 0 || !sc.eat(sep)) {
    return std::nullopt;
  }
  if (a_len == 4) {
    p.iso = true;
    p.year = a;
    p.first = b;
    p.second = sc.digits(1, 2);
  } else if (a_len <= 2) {
    p.first = a;
    p.second = b;
    p.year = sc.digits(4, 4);
  } else {
    return std::nullopt;
  }
  if (p.second < 0 || p.year < 0 || (!sc.end() && is_digit(sc.s[sc.i]))) {
    return std::nullopt;
  }
  if (!sc.end()) {
    if (!sc.eat('T') && !sc.eat(' ')) {
      return std::nullopt;
    }
    if (!time_rest(sc)) {
      return std::nullopt;
    }
    p.has_time = true;
  }
  return p;
}

std::optional<std::string> iso_date(const DateParts& p, bool day_first) {
  int m = p.first, d = p.second;
  if (!p.iso && day_first) {
    std::swap(m, d);
  }
  if (!valid_ymd(p.year, m, d)) {
    return std::nullopt;
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", p.year, m, d);
  return std::string(buf);
}

std::optional<std::string> excel_serial_to_iso(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial >= 2958466) {
    return std::nullopt;
  }
  long long days = static_cast<long long>(std::floor(serial));
  long long secs = std::llround((serial - static_cast<double>(days)) * 86400.0);
  if (secs >= 86400) {
    days += 1;
    secs -= 86400;
  }
  // Days since 1970-01-01. Excel's 1900 system counts a 29 February 1900
  // that never was (serial 60), so serials from 61 on are one day ahead.
  long long unix_days;
  if (date1904) {
    unix_days = days - 24107; // 1904-01-01 is serial 0
  } else if (days >= 61) {
    unix_days = days - 25569; // 1899-12-30 is serial 0 for these
  } else {
    unix_days = days - 25568; // 1899-12-31 is serial 0 before the phantom day
  }
  int y, m, d;
  civil_from_days(unix_days, y, m, d);
  if (y < 1900 || y > 9999) {
    return std::nullopt;
  }
  char buf[64];
  if (secs == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d,
                  static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                  static_cast<int>(secs % 60));
  }
  return std::string(buf);
}

} // namespace quire
