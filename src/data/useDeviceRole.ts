import { useLiveQuery } from 'dexie-react-hooks';
import type { DeviceRole } from '../domain/deviceRole';
import { getDeviceRole } from '../storage/deviceRole';

/** This device's role (curator/mentor), live; `undefined` while it is read. */
export function useDeviceRole(): DeviceRole | undefined {
  return useLiveQuery(() => getDeviceRole(), []);
}
