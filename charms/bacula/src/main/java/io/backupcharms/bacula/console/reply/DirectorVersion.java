package io.backupcharms.bacula.console.reply;

/**
 * The Director's answer to {@code version}.
 *
 * @param director the Director's name
 * @param version e.g. {@code 9.6.7}
 * @param releaseDate e.g. {@code 10 December 2020}
 */
public record DirectorVersion(String director, String version, String releaseDate) {}
