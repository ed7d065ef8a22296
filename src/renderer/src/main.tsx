import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element to render Neurite into.');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
