package io.backupcharms.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a {@link ModelExtension} test class on the run's shared model instead of a model of its own:
 * one {@link BackupStack#SERVER} on SQLite, added and deployed for the first class so marked and
 * destroyed when the whole run ends. A class so marked deploys its own applications under names no
 * other class uses, asserts only on them (and on the server's answers about them), and leaves the
 * server active (the extension fails a class that does not, naming it): then its outcome does not
 * depend on which classes ran before it. A deploy costs a hook per event and a JVM per hook, so
 * each class that shares saves the server's own deploy and a model's start and teardown.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SharedServer {}
