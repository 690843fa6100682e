/**
 * Parsers for what the Director (and a File Daemon's status port) answers, and the records they
 * return. Public: the console clients' typed operations return these records. Text a parser does
 * not recognise is an {@link io.backupcharms.bacula.console.reply.ReplyFormatException} quoting the
 * Director.
 */
package io.backupcharms.bacula.console.reply;
