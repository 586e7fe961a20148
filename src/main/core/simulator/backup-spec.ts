// The backups a simulated cluster starts with (SimClusterSpec.backups); see backups.ts.

/** A backup archive on a storage with the `backup` content type, `agoSec` old; `node` for a storage that is not shared. */
export interface SimBackupVolumeSpec {
  storage: string
  vmid: number
  agoSec: number
  node?: string
  size?: number
}

/** The cluster's backups: its backup job (null: none, every guest is "not backed up") and the archives on its storages. */
export interface SimBackupSpec {
  job: { exclude: number[] } | null
  volumes: SimBackupVolumeSpec[]
}
