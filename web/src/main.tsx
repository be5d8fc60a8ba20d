import { App as AntApp } from 'antd';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsoleApp } from './console/ConsoleApp';
import { FamilyApp } from './family/FamilyApp';
import { LangProvider } from './shared/i18n';
import { usePath } from './shared/router';
import { takeTokenFromRedirect } from './shared/session';

function Root() {
  const path = usePath();
  return path.startsWith('/m') ? <FamilyApp path={path} /> : <ConsoleApp path={path} />;
}

takeTokenFromRedirect();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LangProvider>
      <AntApp>
        <Root />
      </AntApp>
    </LangProvider>
  </StrictMode>,
);
