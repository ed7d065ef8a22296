import type { HostDialogs } from '../host-dialogs';
import { ServiceError } from '../service-error';
import type { Handlers, ServiceContext } from './context';

type HostCalls = 'host.saveFile' | 'host.openFile' | 'host.openFolder';

/** What to do instead of each dialog where there is none (browser mode). */
const WITHOUT_DIALOGS: Readonly<Record<HostCalls, string>> = {
  'host.saveFile':
    'Saving through a dialog works in the desktop app; in a browser the file is downloaded.',
  'host.openFile':
    'Choosing a file through a dialog works in the desktop app; in a browser, upload the file instead.',
  'host.openFolder':
    'Choosing a folder through a dialog works in the desktop app; in a browser, upload a .zip of the folder instead.',
};

/** The system dialogs, where the host has them. */
export function hostHandlers(context: ServiceContext): Pick<Handlers, HostCalls> {
  const dialogs = (call: HostCalls): HostDialogs => {
    if (!context.dialogs) throw new ServiceError('unsupported', WITHOUT_DIALOGS[call]);
    return context.dialogs;
  };
  return {
    'host.saveFile': (input) => dialogs('host.saveFile').saveFile(input),
    'host.openFile': (input) => dialogs('host.openFile').openFile(input),
    'host.openFolder': () => dialogs('host.openFolder').openFolder(),
  };
}
