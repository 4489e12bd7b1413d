# n bytes of one-line text after a seed header: sentences of pseudo-random
# words, a few of them attack cues, and no newline until the very end.
BEGIN {
	split("hackers breached network attack systems data stolen court said officials firm company detected unusual activity ransomware servers offline police investigation week monday customers notified patch vulnerability", cue, " ")
	srand(42); printf " date 2023-09-19 "; total = 17
	while (total < n) {
		s = ""
		for (w = 0; w < 14; w++) {
			if (rand() < 0.02) word = cue[int(rand() * 27) + 1]
			else { word = ""; len = 3 + int(rand() * 7); for (k = 0; k < len; k++) word = word sprintf("%c", 97 + int(rand() * 26)) }
			s = s (w ? " " : "") word
		}
		s = toupper(substr(s, 1, 1)) substr(s, 2) ". "
		printf "%s", s; total += length(s)
	}
	printf "\n"
}
