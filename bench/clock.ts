// The bench's clocks. CPU time (user + system of this process) is the primary measure because the
// machines it runs on are often shared: wall time there measures the neighbours as much as Khabar.
// Wall time is kept alongside so a quiet machine can be compared too.

export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export function wallMs(): number {
  return performance.now();
}
