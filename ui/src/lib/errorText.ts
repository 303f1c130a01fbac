// The translated sentence for each kind of backend error (the banner and the recovery dialogs).
import type { ErrorKind } from './bindings';
import { t } from './i18n/locale.svelte';

export function errorText(kind: ErrorKind): string {
  return kind === 'disk_full' ? t('recovery.diskFull') : t(`error.${kind}`);
}
