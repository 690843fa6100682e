package io.backupcharms.ops.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SecretUriTest {
  @Test
  void juju36LongFormShortFormAndBareIdAreOneSecret() {
    String shortForm = "secret:cs1kq1bmp25c77d3an8g";
    assertEquals(
        shortForm,
        SecretUri.canonical("secret://3fd50312-2281-422f-89bf-ded22a5bb2d6/cs1kq1bmp25c77d3an8g"));
    assertEquals(shortForm, SecretUri.canonical(shortForm));
    assertEquals(shortForm, SecretUri.canonical("cs1kq1bmp25c77d3an8g"));
  }
}
