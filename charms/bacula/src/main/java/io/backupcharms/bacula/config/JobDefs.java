package io.backupcharms.bacula.config;

/**
 * A JobDefs resource: defaults that Jobs naming it inherit. Rendered like a Job, under the
 * template's name; its {@code jobDefs} field must be null.
 *
 * @param template the defaults
 */
public record JobDefs(Job template) {
  public JobDefs {
    Check.present("JobDefs", "template", template);
    if (template.jobDefs() != null) {
      throw new InvalidConfigException(
          "JobDefs \""
              + template.name()
              + "\": a JobDefs cannot itself name a JobDefs (\""
              + template.jobDefs()
              + "\")");
    }
  }

  /** The JobDefs name. */
  public String name() {
    return template.name();
  }
}
