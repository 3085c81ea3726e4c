#!/usr/bin/env bash
# lexicon.sh — regenerate loaders/data/lexicon.tsv.gz from the German full-form lexicon
# de.danielnaber:german-pos-dict (Maven Central, CC BY-SA 4.0, Daniel Naber and the
# LanguageTool contributors, built on Morphy by Wolfgang Lezius). Run by hand, not by CI;
# needs Java 17 and Maven.
#
# The file keeps what the extractor needs: every capitalized common-noun form (tag SUB) and
# every verb form (tag VER), each with its lemma when the lemma differs, one per line:
# "form TAB lemma TAB class" with class N (noun) or V (verb).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$here/../../loaders/data/lexicon.tsv.gz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dict=de.danielnaber:german-pos-dict:1.2.2
morf=org.carrot2:morfologik-stemming:2.1.9
for a in $dict $morf org.carrot2:morfologik-fsa:2.1.9; do mvn -B -q dependency:get -Dartifact=$a; done
m2=${MAVEN_REPO:-$HOME/.m2/repository}
cp=$m2/org/carrot2/morfologik-stemming/2.1.9/morfologik-stemming-2.1.9.jar:$m2/org/carrot2/morfologik-fsa/2.1.9/morfologik-fsa-2.1.9.jar
(cd "$work" && unzip -q "$m2/de/danielnaber/german-pos-dict/1.2.2/german-pos-dict-1.2.2.jar" 'org/languagetool/resource/de/german.*')
javac -d "$work" -cp "$cp" "$here/Dump.java"
java -cp "$cp:$work" Dump "$work/org/languagetool/resource/de/german.dict" "$work/dump.tsv"
# LEXICON_DUMP=FILE keeps the whole dump (every form with its tags) for scripts/refdata.py --words.
if [[ -n ${LEXICON_DUMP:-} ]]; then cp "$work/dump.tsv" "$LEXICON_DUMP"; fi
{
	echo "# German word forms: form, lemma (empty when the same), class N (common noun) or V (verb)."
	echo "# Source: Maven de.danielnaber:german-pos-dict 1.2.2 (CC BY-SA 4.0; Daniel Naber and the"
	echo "# LanguageTool contributors; based on Morphy by Wolfgang Lezius). Regenerate: scripts/lexicon/lexicon.sh"
	grep -v '^#' "$work/dump.tsv" | awk -F'\t' '
		($3 ~ /^SUB/ && $1 ~ /^[A-ZÄÖÜ]/) { print $1 "\t" ($2 == $1 ? "" : $2) "\tN" }
		($3 ~ /^VER/ && $1 !~ /^[A-ZÄÖÜ]/) { print $1 "\t" ($2 == $1 ? "" : $2) "\tV" }' |
		LC_ALL=C sort -t$'\t' -k1,1 -k3,3 -k2,2r | awk -F'\t' '!seen[$1 FS $3]++'
} | gzip -9 -n >"$out"
echo "lexicon.sh: wrote $out ($(zcat "$out" | wc -l) lines)"
