#!/usr/bin/env bash
# Runs the ML Fairness Gym's own college-admissions environment and juries beside fairsynth on the same
# configurations (10^6 applicant-steps each) and compares every metric: |fairsynth - gym| <= 5*sqrt(2)*SE.
# Needs GYM_DIR: a folder holding the gym's environments/college_admission.py,
# agents/college_admission_jury.py and agents/threshold_policies.py (with empty __init__.py files), and
# Debian's python3-numpy, python3-sklearn, python3-attr. The gym's core, gin and gym.spaces are replaced
# by the small stand-ins here (the environment and juries run unmodified).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
: "${GYM_DIR:?set GYM_DIR to a folder with the gym modules (see the comment above)}"
work="${1:-$(mktemp -d)}"
cd "$work"
/usr/bin/python3 "$here/configs.py" > names.txt
[[ -f "$here/../../cli/target/fairsynth.jar" ]] || (cd "$here/../.." && mvn -B -q -DskipTests -pl cli -am package)
for k in $(cat names.txt); do
  GYM_DIR="$GYM_DIR" /usr/bin/python3 "$here/run_ref.py" "$k.cfg.json" "$k.jury.json" 50 1000 1000 > "$k.py.json"
done
/usr/bin/python3 "$here/compare.py"
