/* SHA-1 against the FIPS 180-4 / RFC 3174 vectors, and v5 UUIDs against
 * values computed by Python's uuid.uuid5. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "uuid.h"

static void hex_of(char out[41], const uint8_t d[20])
{
	for (int i = 0; i < 20; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static void check(const char *msg, size_t repeat, const char *want)
{
	incline_sha1 c;
	uint8_t d[20];
	char got[41];

	incline_sha1_init(&c);
	for (size_t i = 0; i < repeat; i++)
		incline_sha1_update(&c, msg, strlen(msg));
	incline_sha1_final(d, &c);
	hex_of(got, d);
	assert_string_equal(got, want);
}

static void test_sha1_vectors(void **state)
{
	(void)state;
	check("", 1, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
	check("abc", 1, "a9993e364706816aba3e25717850c26c9cd0d89d");
	check("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1,
	      "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
	/* a block boundary crossed by many small updates */
	check("a", 1000000, "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
	check("0123456701234567012345670123456701234567012345670123456701234567",
	      10, "dea356a2cddd90c7a7ecedc5ebb563934f460452");
}

static void test_uuid5(void **state)
{
	/* RFC 4122 appendix C: the DNS namespace. */
	static const uint8_t dns[16] = { 0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad,
					 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0,
					 0x4f, 0xd4, 0x30, 0xc8 };
	char out[INCLINE_UUID_STRING_SIZE];

	(void)state;
	/* python3 -c 'import uuid; print(uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"))' */
	assert_string_equal(incline_uuid5(out, dns, "python.org", 10),
			    "886313e1-3b8a-5372-9b90-0c9aee199e5d");
	assert_string_equal(incline_uuid5(out, dns, "", 0),
			    "4ebd0208-8328-5d69-8c44-ec50939c0967");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha1_vectors),
		cmocka_unit_test(test_uuid5),
	};

	return cmocka_run_group_tests_name("uuid", tests, NULL, NULL);
}
