import { useEffect, useRef, useState } from 'react';
import type { CaptureClass } from '../model/camera-captures';
import { MAX_CAPTURE_CLASSES, captureProblem, capturesZip } from '../model/camera-captures';

/** Pictures are taken this size, then scaled to the import's height and width on loading. */
const PICTURE_SIZE = 64;
const PICTURES_PER_PRESS = 10;
const PICTURE_INTERVAL_MS = 100;

/** What went wrong opening the camera, in words a student can act on. */
function cameraProblem(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return 'Neurite may not use the camera. Allow the camera for this page (in the browser’s site settings, or the computer’s privacy settings), then press Open the camera again.';
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError') {
    return 'No camera was found. Connect one, or import a folder of pictures instead.';
  }
  if (name === 'NotReadableError') {
    return 'The camera is in use by another program. Close it there, then press Open the camera again.';
  }
  return 'The camera could not be opened. Import a folder of pictures instead.';
}

/** One frame of the video, the middle square of it, as a PNG file and a picture to show. */
async function takePicture(video: HTMLVideoElement): Promise<{ png: Uint8Array; url: string }> {
  const canvas = document.createElement('canvas');
  canvas.width = PICTURE_SIZE;
  canvas.height = PICTURE_SIZE;
  const side = Math.min(video.videoWidth, video.videoHeight);
  const x = (video.videoWidth - side) / 2;
  const y = (video.videoHeight - side) / 2;
  canvas.getContext('2d')!.drawImage(video, x, y, side, side, 0, 0, PICTURE_SIZE, PICTURE_SIZE);
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no picture'))), 'image/png'),
  );
  return { png: new Uint8Array(await blob.arrayBuffer()), url: canvas.toDataURL('image/png') };
}

interface Recorded extends CaptureClass {
  /** The newest picture, shown beside the class. */
  readonly last?: string;
}

/**
 * Records pictures per class from the camera and hands them over as an image folder (a zip),
 * so a class can make its own colour-image data set: Teachable Machine's way.
 */
export function CameraCapture({
  busy,
  colour,
  onImages,
}: {
  readonly busy: boolean;
  /** Whether the import reads colour: camera pictures are in colour. */
  readonly colour: boolean;
  readonly onImages: (zip: File) => void;
}) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [recording, setRecording] = useState<number>();
  const [classes, setClasses] = useState<Recorded[]>([
    { name: 'Class 1', images: [] },
    { name: 'Class 2', images: [] },
  ]);

  const stop = () => {
    streamRef.current?.getTracks().forEach((track) => track.stop());
    streamRef.current = undefined;
  };
  useEffect(() => stop, []);

  const openCamera = async () => {
    setProblem(undefined);
    try {
      if (!navigator.mediaDevices?.getUserMedia) throw new Error('no camera access');
      const stream = await navigator.mediaDevices.getUserMedia({
        video: { width: 320, height: 240 },
        audio: false,
      });
      streamRef.current = stream;
      setOpen(true);
      const video = videoRef.current!;
      video.srcObject = stream;
      await video.play();
    } catch (error) {
      stop();
      setOpen(false);
      setProblem(cameraProblem(error));
    }
  };

  const record = async (index: number) => {
    const video = videoRef.current;
    if (!video || recording !== undefined) return;
    setRecording(index);
    try {
      for (let i = 0; i < PICTURES_PER_PRESS; i += 1) {
        const picture = await takePicture(video);
        setClasses((current) =>
          current.map((c, k) =>
            k === index ? { ...c, images: [...c.images, picture.png], last: picture.url } : c,
          ),
        );
        await new Promise((resolve) => setTimeout(resolve, PICTURE_INTERVAL_MS));
      }
    } catch {
      setProblem('The camera stopped giving pictures. Press Open the camera again.');
    } finally {
      setRecording(undefined);
    }
  };

  const rename = (index: number, name: string) =>
    setClasses((current) => current.map((c, k) => (k === index ? { ...c, name } : c)));
  const clear = (index: number) =>
    setClasses((current) =>
      current.map((c, k) => (k === index ? { name: c.name, images: [] } : c)),
    );
  const notReady = captureProblem(classes);

  return (
    <section className="camera-capture" aria-label="Record from the camera">
      <p className="data-hint">
        No pictures at hand? Make your own: show the camera each class in turn and record about 20
        pictures of each.
      </p>
      {!open && (
        <button type="button" className="button" onClick={() => void openCamera()}>
          Open the camera
        </button>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <video
        ref={videoRef}
        className="camera-video"
        hidden={!open}
        muted
        playsInline
        aria-label="Camera"
      />
      {open && (
        <>
          <ul className="camera-classes" aria-label="Classes to record">
            {classes.map((c, index) => (
              <li key={index} className="camera-class">
                <input
                  type="text"
                  value={c.name}
                  aria-label={`Name of class ${index + 1}`}
                  onChange={(event) => rename(index, event.target.value)}
                />
                {c.last && <img src={c.last} alt="" width={32} height={32} />}
                <span className="camera-count" data-testid={`camera-count-${index + 1}`}>
                  {c.images.length} {c.images.length === 1 ? 'picture' : 'pictures'}
                </span>
                <button
                  type="button"
                  className="button"
                  disabled={recording !== undefined}
                  aria-label={`Record ${PICTURES_PER_PRESS} pictures of class ${index + 1}`}
                  onClick={() => void record(index)}
                >
                  {recording === index ? 'Recording…' : `Record ${PICTURES_PER_PRESS}`}
                </button>
                <button
                  type="button"
                  className="link-button"
                  disabled={c.images.length === 0 || recording !== undefined}
                  onClick={() => clear(index)}
                >
                  Clear
                </button>
              </li>
            ))}
          </ul>
          <div className="camera-actions">
            <button
              type="button"
              className="link-button"
              disabled={classes.length >= MAX_CAPTURE_CLASSES}
              onClick={() =>
                setClasses((current) => [
                  ...current,
                  { name: `Class ${current.length + 1}`, images: [] },
                ])
              }
            >
              Add a class
            </button>
            <button
              type="button"
              className="button primary"
              disabled={notReady !== undefined || busy || recording !== undefined}
              title={notReady}
              onClick={() => {
                stop();
                setOpen(false);
                onImages(
                  new File([new Uint8Array(capturesZip(classes))], 'camera-pictures.zip', {
                    type: 'application/zip',
                  }),
                );
              }}
            >
              Use these pictures
            </button>
          </div>
          {notReady && <p className="field-hint">{notReady}</p>}
          {!colour && (
            <p className="field-hint">
              The pictures are in colour: choose Colour (3 channels, RGB) above for a network that
              reads colour images.
            </p>
          )}
        </>
      )}
    </section>
  );
}
