/**
 * Why a file or folder could not be written, in words a student understands instead of the
 * system's code (EACCES, ENOSPC, …), for the brackets of a sentence that names the place.
 */
export function writeProblemInWords(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'Neurite is not allowed to write there';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EROFS':
      return 'that place is read-only';
    case 'ENOENT':
      return 'that folder cannot hold new files';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'EEXIST':
    case 'ENOTEMPTY':
      return 'something of that name is in the way';
    default:
      return code ?? message;
  }
}
