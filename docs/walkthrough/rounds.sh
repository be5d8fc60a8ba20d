#!/usr/bin/env bash
# Three families through a main round, a decline, the re-offer from the waitlist and a 补录 round,
# with curl and jq against `npm start` on fresh demo data (docs/admission-rounds.md). They are
# synthetic families of 钦北区 (450703) whose checks all MATCH; its one primary school is cut to
# one place, so one child is placed and two wait.   bash docs/walkthrough/rounds.sh
set -euo pipefail
API=${API:-http://localhost:3000}
COUNTY=450703 SCHOOL=450703-P01 SEASON=2026
WAIT_SECONDS=${WAIT_SECONDS:-300}

say() { printf '\n# %s\n' "$*"; }
# METHOD PATH TOKEN [JSON]: the API's answer; a 4xx or 5xx stops the walk with its problem.
api() {
  local body=()
  if [ $# -ge 4 ]; then body=(-H 'content-type: application/json' -d "$4"); fi
  curl -sS --fail-with-body -X "$1" "$API$2" -H "authorization: Bearer $3" "${body[@]}"
}
# PATH TOKEN FILTER: asks again every 2 s until jq's FILTER holds of the answer; prints it.
wait_for() {
  local deadline=$((SECONDS + WAIT_SECONDS)) answer
  while :; do
    answer=$(api GET "$1" "$2")
    if jq -e "$3" <<<"$answer" >/dev/null; then printf '%s\n' "$answer"; return; fi
    if [ "$SECONDS" -ge "$deadline" ]; then echo "gave up waiting for $3 on $1" >&2; exit 1; fi
    sleep 2
  done
}
token() { npm run -s token -- "$@"; }
# A round from its start to PUBLISHED; prints its id.
run_round() {
  local id
  id=$(api POST /rounds "$ADMIN" "{\"countyCode\":\"$COUNTY\",\"stage\":\"PRIMARY_1\",\"seasonYear\":$SEASON}" | jq -r .roundId)
  wait_for "/rounds/$id" "$ADMIN" '.status == "PUBLISHED"' >/dev/null
  printf '%s\n' "$id"
}
# The school as stored, with PLACES places (招生计划).
set_places() {
  local school
  school=$(api GET "/admin/counties/$COUNTY/schools" "$ADMIN" | jq -c --arg id "$SCHOOL" --argjson places "$1" \
    '.[] | select(.id == $id) | {countyCode, stage, nameZh, type, places: $places, catchmentUnits,
      feederPrimaryIds, location: {x: .locationX, y: .locationY}, address, catchmentDescription}')
  api PUT "/admin/schools/$SCHOOL" "$ADMIN" "$school" | jq -c '{id, places}'
}

ADMIN=$(token --role CITY_ADMIN --sub admin-walkthrough --counties "$COUNTY")
REVIEWER=$(token --role REVIEWER --sub reviewer-walkthrough --counties "$COUNTY")

say "One place at $SCHOOL"
set_places 1

say 'Three families apply (Form A, home at the hukou address); the reviewer approves each'
forms=$(npm run -s simulator:families -- --json --per-archetype 50 |
  jq -c --arg county "$COUNTY" '[.[] | select(.archetype == "SOLE_OWNER_AT_HUKOU" and .form.countyCode == $county) | .form][:3]')
declare -a NO PARENT
for i in 0 1 2; do
  form=$(jq -c ".[$i]" <<<"$forms")
  PARENT[i]=$(token --role PARENT --sub "family-walkthrough-$i" --guardian-id "$(jq -r '.guardians[0].idNumber' <<<"$form")")
  NO[i]=$(api POST /applications "${PARENT[i]}" "$form" | jq -r .applicationNo)
  wait_for "/applications/${NO[i]}" "${PARENT[i]}" '.status == "AWAITING_REVIEW"' | jq -c '{applicationNo, status}'
  api POST "/applications/${NO[i]}/decision" "$REVIEWER" '{"decision":"APPROVE"}' | jq -c '{applicationNo, status}'
done

say 'The main round: one child placed, two not'
MAIN=$(run_round)
echo "round $MAIN"
for i in 0 1 2; do
  view=$(wait_for "/applications/${NO[i]}" "${PARENT[i]}" '.status == "ADMITTED" or .status == "NOT_ADMITTED"')
  jq -c '{applicationNo, status, place: (.place // null | if . then {schoolId, state, deadline} else . end)}' <<<"$view"
  if [ "$(jq -r .status <<<"$view")" = ADMITTED ]; then PLACED=$i; fi
done

say "The placed family declines; the place goes to $SCHOOL's waitlist"
api POST "/applications/${NO[PLACED]}/place/decline" "${PARENT[PLACED]}" | jq -c .

say 'The first family on the waitlist is offered the place and accepts it'
OFFERED=''
deadline=$((SECONDS + WAIT_SECONDS))
while [ -z "$OFFERED" ]; do
  for i in 0 1 2; do
    if [ "$i" != "$PLACED" ] && api GET "/applications/${NO[i]}" "${PARENT[i]}" | jq -e '.offer != null' >/dev/null; then OFFERED=$i; fi
  done
  if [ -z "$OFFERED" ]; then
    if [ "$SECONDS" -ge "$deadline" ]; then echo 'no offer was made' >&2; exit 1; fi
    sleep 2
  fi
done
api GET "/applications/${NO[OFFERED]}" "${PARENT[OFFERED]}" | jq -c '{applicationNo, status, offer: (.offer | {schoolId, position, deadline, text: .text.zh})}'
api POST "/applications/${NO[OFFERED]}/offer/accept" "${PARENT[OFFERED]}" >/dev/null
wait_for "/applications/${NO[OFFERED]}" "${PARENT[OFFERED]}" '.place.state == "CONFIRMED"' |
  jq -c '{applicationNo, status, place: (.place | {schoolId, state, via})}'

say 'A second place, then the 补录 round places the child still waiting'
set_places 2
SUPPLEMENTARY=$(run_round)
api GET "/rounds/$SUPPLEMENTARY" "$ADMIN" | jq -c '{roundId, sequence, kind, basis}'
for i in 0 1 2; do
  if [ "$i" != "$PLACED" ] && [ "$i" != "$OFFERED" ]; then
    wait_for "/applications/${NO[i]}" "${PARENT[i]}" '.status == "ADMITTED"' | jq -c '{applicationNo, status, schoolId: .admission.schoolId}'
  fi
done

say 'Both rounds recomputed from what they published'
for round in "$MAIN" "$SUPPLEMENTARY"; do
  api GET "/rounds/$round/verify" "$ADMIN" | jq -ce '{roundId, verdict} | select(.verdict == "MATCH")'
done
