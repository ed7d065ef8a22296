import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ApiProvider, createApiClient } from './api';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element to render Neurite into.');

// One client for the page's lifetime: it holds the connection to Neurite.
const client = createApiClient();

createRoot(container).render(
  <StrictMode>
    <ApiProvider client={client}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
