import { ConfigProvider, Segmented } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

/** Chinese first; English on request. Texts sit beside their use as (中文, English) pairs. */
export type Lang = 'zh' | 'en';

interface LangContext {
  readonly lang: Lang;
  setLang: (lang: Lang) => void;
  tr: (zh: string, en: string) => string;
  /** A bilingual text the API sent ({zh, en} or message_zh / message_en). */
  bi: (text: { zh: string; en: string }) => string;
}

const Context = createContext<LangContext | null>(null);
const KEY = 'gx-workbench-lang';

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem(KEY) === 'en' ? 'en' : 'zh'));
  useEffect(() => {
    localStorage.setItem(KEY, lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const value: LangContext = {
    lang,
    setLang,
    tr: (zh, en) => (lang === 'zh' ? zh : en),
    bi: (text) => (lang === 'zh' ? text.zh : text.en),
  };
  return (
    <Context.Provider value={value}>
      <ConfigProvider
        locale={lang === 'zh' ? zhCN : enUS}
        // Government blue, and texts dark enough for WCAG AA contrast (4.5:1): greys, links,
        // error texts, and the preset tags' texts (their palette's shade 7) on their pale ground.
        theme={{
          token: {
            colorPrimary: '#0b57d0',
            // antd lightens a hovered primary button to 4.3:1 under white text: darken instead.
            colorPrimaryHover: '#0842a0',
            colorInfo: '#0b57d0',
            colorLink: '#0b57d0',
            colorError: '#c4161c',
            // Seeds one shade darker than antd's, so that each palette's shade 7 is dark enough.
            green: '#389e0d',
            orange: '#d46b08',
            gold: '#d48806',
            cyan: '#08979c',
            volcano: '#d4380d',
            // A darker seed also greys green's and cyan's shade 1, the tags' ground (4.0:1 on it):
            // antd's own pale grounds instead; gold's shade 7 is still 4.2:1, so its shade 8. Both
            // spellings: each is the same CSS variable (--ant-green-1), and the later one wins.
            green1: '#f6ffed',
            'green-1': '#f6ffed',
            cyan1: '#e6fffb',
            'cyan-1': '#e6fffb',
            gold7: '#874d00',
            'gold-7': '#874d00',
            colorTextSecondary: '#4a4a4a',
            colorTextDescription: '#4a4a4a',
            colorTextTertiary: '#595959',
            colorTextPlaceholder: '#6b6b6b',
          },
        }}
        // Buttons say what they say: no space inserted between two Chinese characters.
        button={{ autoInsertSpace: false }}
      >
        {children}
      </ConfigProvider>
    </Context.Provider>
  );
}

export function useLang(): LangContext {
  const context = useContext(Context);
  if (!context) throw new Error('useLang outside LangProvider');
  return context;
}

export function LangSwitch() {
  const { lang, setLang } = useLang();
  return (
    <Segmented
      aria-label="语言 Language"
      size="small"
      value={lang}
      onChange={(value) => setLang(value as Lang)}
      options={[
        { label: '中文', value: 'zh' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}
