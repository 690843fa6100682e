package io.backupcharms.bacula.config;

/** Job types the charms use. */
public enum JobType {
    BACKUP("Backup"), RESTORE("Restore"), VERIFY("Verify"), ADMIN("Admin");

    private final String bacula;

    JobType(String bacula) {
        this.bacula = bacula;
    }

    /** The keyword Bacula reads. */
    public String baculaName() {
        return bacula;
    }
}
