/** What `ceph health detail` says in the simulated cluster: the status and its checks (code → severity and summary). */
export interface SimCephSpec {
  health: 'HEALTH_OK' | 'HEALTH_WARN' | 'HEALTH_ERR'
  checks?: Record<string, { severity: 'HEALTH_WARN' | 'HEALTH_ERR'; summary: string; count?: number; muted?: boolean }>
}
