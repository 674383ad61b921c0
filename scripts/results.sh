# Sourced by the check drivers (check.sh, debug-check.sh): one line per test
# on the terminal and "PASS|FAIL|SKIP name" in $RESULTS.

record() {
	echo "$1 $2" >>"$RESULTS"
	case $1 in
	PASS) echo "ok      $2" ;;
	SKIP) echo "skip    $2" ;;
	*) echo "FAIL    $2" ;;
	esac
}

# run_logged NAME LOG COMMAND...: one test that is a command; its output
# is shown only when it fails, and so is its status.
run_logged() {
	name=$1 log=$2
	shift 2
	if "$@" >"$log" 2>&1; then
		record PASS "$name"
	else
		record FAIL "$name"
		tail -n 30 "$log" | sed 's/^/    | /'
		return 1
	fi
}

# no_warnings LOG COMMAND...: a build with its warnings as errors.
no_warnings() {
	log=$1
	shift
	"$@" 2>&1 | tee "$log"
	! grep -q 'warning:' "$log"
}

# record_results PREFIX STATUS FILE LOG LINES: the results a driver or a
# guest wrote to FILE, one per line. If it failed without saying which test
# did, that is a failure too; then the last LINES of its LOG are shown.
record_results() {
	while read -r verdict rest; do
		record "$verdict" "$1: $rest"
	done <"$3"
	if [ "$2" -ne 0 ]; then
		grep -q '^FAIL' "$3" || record FAIL "$1: run failed (status $2)"
		grep -v '^ok  ' "$4" | tail -n "$5" | sed 's/^/    | /'
	fi
}
