/**
 * End-to-end tests of the charms on localjuju with real Bacula and PostgreSQL. Everything lives
 * under {@code src/test}: the harness, the fixtures and the tests; the test charms written in shell
 * live in {@code tests/charms/}.
 */
package io.backupcharms.it;
