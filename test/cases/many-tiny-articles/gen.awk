# n tiny articles in folders of 1000, all different; every 100th reports
# an intrusion (with made-up names), the rest are not about attacks.
function word(   w, k, len) { w = ""; len = 4 + int(rand() * 6); for (k = 0; k < len; k++) w = w sprintf("%c", 97 + int(rand() * 26)); return w }
BEGIN {
	srand(7)
	for (i = 0; i < n; i++) {
		f = sprintf("%s/%03d/%06d.txt", dir, int(i / 1000), i)
		if (i % 1000 == 0) system("mkdir -p " dir "/" sprintf("%03d", int(i / 1000)))
		if (i % 100 == 0)
			printf " date 2023-09-%02d Hackers breached the %s %s network on Monday, %s said.\n", 10 + i % 19, word(), word(), word() > f
		else
			printf " date 2023-09-%02d The %s council of %s met to discuss the %s budget.\n", 10 + i % 19, word(), word(), word() > f
		close(f)
	}
}
