import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/client';
import { ClientProvider } from './api/client-context';
import { App } from './app';
import { ThemeProvider } from './features/theme/theme-context';
import { applyTheme, storedTheme, systemTheme } from './features/theme/theme';
import './styles/theme.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/forms.css';
import './styles/floor-header.css';
import './styles/floor.css';
import './styles/agents.css';

applyTheme(storedTheme() ?? systemTheme());

const client = createClient();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThemeProvider>
      <ClientProvider client={client}>
        <App />
      </ClientProvider>
    </ThemeProvider>
  </StrictMode>,
);
