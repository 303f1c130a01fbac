// Messages of backups, restore and open-time recovery dialogs, English and 简体中文; spread into en.ts / zh.ts.
export const recoveryEn = {
  'recovery.menu.restore': 'Restore from backup…',

  'recovery.restore.title': 'Restore from backup',
  'recovery.restore.intro':
    'Automatic backups of {file}, newest first. Restoring replaces everything in the workspace with the backup. The current state is backed up first, so you can restore it again.',
  'recovery.restore.introDamaged':
    'Automatic backups of {file}, newest first. Restoring puts the backup in place of the damaged file, which is kept beside it under a new name.',
  'recovery.restore.loading': 'Reading the backups…',
  'recovery.restore.none': 'There are no backups of this file yet.',
  'recovery.restore.taken': 'Taken',
  'recovery.restore.size': 'Size',
  'recovery.restore.action': 'Restore…',
  'recovery.restore.confirm':
    'Replace everything in {file} with the backup of {date}? The current state is backed up first.',
  'recovery.restore.confirmDamaged':
    'Put the backup of {date} in place of the damaged {file}? The damaged file is kept beside it.',
  'recovery.restore.ok': 'Restore',
  'recovery.restore.done': 'Restored the backup of {date}. To go back, restore the newest backup.',
  'recovery.restore.doneDamaged': 'Restored the backup of {date}. The damaged file was kept as {path}.',
  'recovery.restore.failed': 'This backup cannot be restored; nothing was changed.',

  'recovery.failure.title': 'Cannot open {file}',
  'recovery.failure.corrupt':
    'The file is damaged: it fails SQLite’s integrity check. Rapport has not changed it.',
  'recovery.failure.not_a_workspace':
    'This file is not a Rapport workspace, or its beginning has been overwritten. Rapport has not changed it.',
  'recovery.failure.newer_schema': 'This file was saved by a newer version of Rapport.',
  'recovery.failure.newerReadable': 'This version can show it read-only. Update Rapport to edit it.',
  'recovery.failure.newerUnreadable': 'This version cannot read it safely. Update Rapport to open it.',
  'recovery.failure.read_only':
    'The file is read-only, or on a disk you cannot write to. You can open it to read, but not to change it.',
  'recovery.failure.openReadOnly': 'Open read-only',
  'recovery.failure.restore': 'Restore from backup…',
  'recovery.failure.noBackups': 'No automatic backups of this file were found.',
  'recovery.failure.copy': 'Make a copy…',
  'recovery.failure.copyHint': 'Save an exact copy elsewhere, for example to send it to support for rescue.',
  'recovery.failure.copied': 'Copy saved to {path}',

  'recovery.readOnly.badge': 'Read-only',
  'recovery.readOnly.hint': 'This file is open read-only: nothing can be changed. Save a copy to edit it.',

  'recovery.diskFull': 'The disk is full; your last change was not saved.',
} as const;

export const recoveryZh: Record<keyof typeof recoveryEn, string> = {
  'recovery.menu.restore': '从备份恢复…',

  'recovery.restore.title': '从备份恢复',
  'recovery.restore.intro':
    '{file} 的自动备份，最新的在前。恢复会用备份替换工作区中的全部内容。恢复前会先备份当前状态，因此可以再恢复回来。',
  'recovery.restore.introDamaged': '{file} 的自动备份，最新的在前。恢复会用备份替换已损坏的文件，损坏的文件会以新名称保留在其旁边。',
  'recovery.restore.loading': '正在读取备份…',
  'recovery.restore.none': '此文件还没有备份。',
  'recovery.restore.taken': '备份时间',
  'recovery.restore.size': '大小',
  'recovery.restore.action': '恢复…',
  'recovery.restore.confirm': '用 {date} 的备份替换 {file} 中的全部内容吗？恢复前会先备份当前状态。',
  'recovery.restore.confirmDamaged': '用 {date} 的备份替换已损坏的 {file} 吗？损坏的文件会保留在其旁边。',
  'recovery.restore.ok': '恢复',
  'recovery.restore.done': '已恢复 {date} 的备份。如需撤回，请恢复最新的备份。',
  'recovery.restore.doneDamaged': '已恢复 {date} 的备份。损坏的文件已保留为 {path}。',
  'recovery.restore.failed': '无法恢复此备份；没有做任何更改。',

  'recovery.failure.title': '无法打开 {file}',
  'recovery.failure.corrupt': '文件已损坏：未通过 SQLite 完整性检查。Rapport 没有修改它。',
  'recovery.failure.not_a_workspace': '此文件不是 Rapport 工作区，或其开头已被覆盖。Rapport 没有修改它。',
  'recovery.failure.newer_schema': '此文件由更新版本的 Rapport 保存。',
  'recovery.failure.newerReadable': '此版本可以只读方式显示它。请更新 Rapport 以编辑。',
  'recovery.failure.newerUnreadable': '此版本无法安全地读取它。请更新 Rapport 后再打开。',
  'recovery.failure.read_only': '文件是只读的，或位于您无法写入的磁盘上。可以打开查看，但不能修改。',
  'recovery.failure.openReadOnly': '以只读方式打开',
  'recovery.failure.restore': '从备份恢复…',
  'recovery.failure.noBackups': '没有找到此文件的自动备份。',
  'recovery.failure.copy': '复制一份…',
  'recovery.failure.copyHint': '将完全相同的副本保存到别处，例如发送给技术支持进行抢救。',
  'recovery.failure.copied': '副本已保存到 {path}',

  'recovery.readOnly.badge': '只读',
  'recovery.readOnly.hint': '此文件以只读方式打开：不能做任何更改。另存副本后即可编辑。',

  'recovery.diskFull': '磁盘已满；您的上一次更改没有保存。',
};
