# Sourced by tests/sanitize.sh: how the sanitizers report. Every finding stops
# the process with a non-zero status (halt_on_error; UBSan is also built with
# -fno-sanitize-recover), so a test that hits one fails. Leaks are checked
# (LeakSanitizer, on by default with ASan); the only suppressions are leaks
# inside third-party libraries, listed with a reason in lsan.supp.
# A leak whose stack stops inside a library built without frame pointers
# (libxapian: "#1 ... (libxapian.so.30+0x...)") shows its whole stack with
# ASAN_OPTIONS=...:fast_unwind_on_malloc=0 (slow; not on by default).
_sanitize_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=0:detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1:detect_odr_violation=2:print_summary=1"
export LSAN_OPTIONS="suppressions=$_sanitize_dir/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:report_error_type=1:suppressions=$_sanitize_dir/ubsan.supp"
unset _sanitize_dir
