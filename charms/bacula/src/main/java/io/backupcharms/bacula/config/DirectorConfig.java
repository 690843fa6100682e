package io.backupcharms.bacula.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything in {@code bacula-dir.conf}. Names are unique per kind. The renderer sorts each kind by
 * name, so the order of these lists does not change the rendered bytes.
 */
public record DirectorConfig(
    Director director,
    List<Catalog> catalogs,
    List<Messages> messages,
    List<Storage> storages,
    List<Pool> pools,
    List<Client> clients,
    List<FileSet> fileSets,
    List<Schedule> schedules,
    List<JobDefs> jobDefs,
    List<Job> jobs,
    List<Console> consoles) {
  public DirectorConfig {
    Check.present("Director configuration", "Director", director);
    catalogs = Check.uniqueNames("Catalog", catalogs, Catalog::name);
    messages = Check.uniqueNames("Messages", messages, Messages::name);
    storages = Check.uniqueNames("Storage", storages, Storage::name);
    pools = Check.uniqueNames("Pool", pools, Pool::name);
    clients = Check.uniqueNames("Client", clients, Client::name);
    fileSets = Check.uniqueNames("FileSet", fileSets, FileSet::name);
    schedules = Check.uniqueNames("Schedule", schedules, Schedule::name);
    jobDefs = Check.uniqueNames("JobDefs", jobDefs, JobDefs::name);
    jobs = Check.uniqueNames("Job", jobs, Job::name);
    consoles = Check.uniqueNames("Console", consoles, Console::name);
  }

  /** A Director with one Catalog and one Messages resource and nothing else yet. */
  public static DirectorConfig of(Director director, Catalog catalog, Messages messages) {
    return new DirectorConfig(
        director,
        List.of(catalog),
        List.of(messages),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  /** A copy with this Catalog added, or replacing the one with its name. */
  public DirectorConfig withCatalog(Catalog c) {
    return new DirectorConfig(
        director,
        put(catalogs, c, Catalog::name),
        messages,
        storages,
        pools,
        clients,
        fileSets,
        schedules,
        jobDefs,
        jobs,
        consoles);
  }

  /** A copy with this Messages added or replaced. */
  public DirectorConfig withMessages(Messages m) {
    return new DirectorConfig(
        director,
        catalogs,
        put(messages, m, Messages::name),
        storages,
        pools,
        clients,
        fileSets,
        schedules,
        jobDefs,
        jobs,
        consoles);
  }

  /** A copy with this Storage added or replaced. */
  public DirectorConfig withStorage(Storage s) {
    return new DirectorConfig(
        director,
        catalogs,
        messages,
        put(storages, s, Storage::name),
        pools,
        clients,
        fileSets,
        schedules,
        jobDefs,
        jobs,
        consoles);
  }

  /** A copy with this Pool added or replaced. */
  public DirectorConfig withPool(Pool p) {
    return new DirectorConfig(
        director,
        catalogs,
        messages,
        storages,
        put(pools, p, Pool::name),
        clients,
        fileSets,
        schedules,
        jobDefs,
        jobs,
        consoles);
  }

  /** A copy with this Client added or replaced. */
  public DirectorConfig withClient(Client c) {
    return new DirectorConfig(
        director,
        catalogs,
        messages,
        storages,
        pools,
        put(clients, c, Client::name),
        fileSets,
        schedules,
        jobDefs,
        jobs,
        consoles);
  }

  /** A copy with this FileSet added or replaced. */
  public DirectorConfig withFileSet(FileSet f) {
    return new DirectorConfig(
        director,
        catalogs,
        messages,
        storages,
        pools,
        clients,
        put(fileSets, f, FileSet::name),
        schedules,
        jobDefs,
        jobs,
        consoles);
  }

  /** A copy with this Schedule added or replaced. */
  public DirectorConfig withSchedule(Schedule s) {
    return new DirectorConfig(
        director,
        catalogs,
        messages,
        storages,
        pools,
        clients,
        fileSets,
        put(schedules, s, Schedule::name),
        jobDefs,
        jobs,
        consoles);
  }

  /** A copy with this JobDefs added or replaced. */
  public DirectorConfig withJobDefs(JobDefs d) {
    return new DirectorConfig(
        director,
        catalogs,
        messages,
        storages,
        pools,
        clients,
        fileSets,
        schedules,
        put(jobDefs, d, JobDefs::name),
        jobs,
        consoles);
  }

  /** A copy with this Job added or replaced. */
  public DirectorConfig withJob(Job j) {
    return new DirectorConfig(
        director,
        catalogs,
        messages,
        storages,
        pools,
        clients,
        fileSets,
        schedules,
        jobDefs,
        put(jobs, j, Job::name),
        consoles);
  }

  /** A copy with this Console added or replaced. */
  public DirectorConfig withConsole(Console c) {
    return new DirectorConfig(
        director,
        catalogs,
        messages,
        storages,
        pools,
        clients,
        fileSets,
        schedules,
        jobDefs,
        jobs,
        put(consoles, c, Console::name));
  }

  /** A copy with the Director resource replaced. */
  public DirectorConfig withDirector(Director d) {
    return new DirectorConfig(
        d, catalogs, messages, storages, pools, clients, fileSets, schedules, jobDefs, jobs,
        consoles);
  }

  /** A copy without the Client of that name and without the Jobs that use it. */
  public DirectorConfig withoutClient(String clientName) {
    return new DirectorConfig(
        director,
        catalogs,
        messages,
        storages,
        pools,
        clients.stream().filter(c -> !c.name().equals(clientName)).toList(),
        fileSets,
        schedules,
        jobDefs,
        jobs.stream().filter(j -> !clientName.equals(j.client())).toList(),
        consoles);
  }

  /**
   * Every reference to a resource that is not defined (a Job naming a missing FileSet, say).
   * Bacula's {@code reload} accepts such a file and silently breaks the Job, so the charms check
   * this, and {@code bacula-dir -t}, before applying.
   *
   * @return one message per dangling reference, naming both resources; empty when consistent
   */
  public List<String> danglingReferences() {
    List<String> out = new ArrayList<>();
    Set<String> cat = names(catalogs, Catalog::name);
    Set<String> msg = names(messages, Messages::name);
    Set<String> sto = names(storages, Storage::name);
    Set<String> poo = names(pools, Pool::name);
    Set<String> cli = names(clients, Client::name);
    Set<String> fs = names(fileSets, FileSet::name);
    Set<String> sch = names(schedules, Schedule::name);
    Set<String> defs = names(jobDefs, JobDefs::name);
    ref(out, "Director \"" + director.name() + "\"", "Messages", director.messages(), msg);
    for (Client c : clients) {
      ref(out, "Client \"" + c.name() + "\"", "Catalog", c.catalog(), cat);
    }
    for (Schedule s : schedules) {
      for (RunSpec run : s.runs()) {
        ref(out, "Schedule \"" + s.name() + "\"", "Pool", run.pool(), poo);
      }
    }
    List<Job> all = new ArrayList<>(jobs);
    jobDefs.forEach(d -> all.add(d.template()));
    for (Job j : all) {
      String r = (jobs.contains(j) ? "Job" : "JobDefs") + " \"" + j.name() + "\"";
      ref(out, r, "JobDefs", j.jobDefs(), defs);
      ref(out, r, "Client", j.client(), cli);
      ref(out, r, "FileSet", j.fileSet(), fs);
      ref(out, r, "Schedule", j.schedule(), sch);
      ref(out, r, "Storage", j.storage(), sto);
      ref(out, r, "Pool", j.pool(), poo);
      ref(out, r, "Messages", j.messages(), msg);
    }
    return out;
  }

  private static void ref(
      List<String> out, String owner, String kind, String name, Set<String> defined) {
    if (name != null && !defined.contains(name)) {
      out.add(
          owner
              + " names "
              + kind
              + " \""
              + name
              + "\", which is not defined; define it or"
              + " remove the reference");
    }
  }

  private static <T> Set<String> names(List<T> list, Function<T, String> name) {
    return list.stream().map(name).collect(Collectors.toSet());
  }

  private static <T> List<T> put(List<T> list, T value, Function<T, String> name) {
    List<T> out = new ArrayList<>();
    boolean replaced = false;
    for (T t : list) {
      if (name.apply(t).equals(name.apply(value))) {
        out.add(value);
        replaced = true;
      } else {
        out.add(t);
      }
    }
    if (!replaced) {
      out.add(value);
    }
    return out;
  }
}
