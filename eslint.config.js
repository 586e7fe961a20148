import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import simpleImportSort from 'eslint-plugin-simple-import-sort'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const electronStore = {
  name: 'electron-store',
  message: 'electron-store imports electron: use the SettingsStore/Vault interfaces; the adapter lives in src/main/glue.'
}

const electronFree = {
  paths: [
    { name: 'electron', message: 'src/main/core and src/shared must stay Electron-free: put Electron calls in the glue (src/main/glue).' },
    electronStore
  ],
  patterns: [{ group: ['electron/*'], message: 'src/main/core and src/shared must stay Electron-free: put Electron calls in the glue (src/main/glue).' }]
}

const rendererElectronFree = {
  paths: [
    { name: 'electron', message: 'The dashboard only talks to window.pveTray (src/preload): it never imports electron, not even a type.' },
    electronStore
  ],
  patterns: [{ group: ['electron/*'], message: 'The dashboard only talks to window.pveTray (src/preload): it never imports electron, not even a type.' }]
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.ci/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        ecmaVersion: 'latest',
        sourceType: 'module',
        // Each file is checked with the tsconfig that builds it (tsconfig.node.json / tsconfig.web.json, found through
        // tsconfig.json's references); the few files outside both use the default project.
        projectService: {
          allowDefaultProject: ['playwright.electron.config.ts', 'eslint.config.js', 'src/renderer/vite.web.config.ts', 'scripts/electron-launch.mjs'],
          defaultProject: 'tsconfig.node.json'
        },
        tsconfigRootDir: import.meta.dirname
      }
    },
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // `async` without `await` is how this code base implements a Promise-returning port or handler: a throw inside
      // becomes a rejection, which dispatch and the ports rely on (a plain `() => Promise.resolve(x)` would throw).
      '@typescript-eslint/require-await': 'off',
      // Forwarding an AbortSignal's reason or an upstream rejection unchanged is right; new rejections are Errors.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env'] > Identifier[name='NODE_TLS_REJECT_UNAUTHORIZED']",
          message: 'Never disable TLS verification globally.'
        }
      ]
    }
  },
  {
    // Only the two IPC glue files may touch ipcMain / ipcRenderer.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/main/glue/ipc-register.ts', 'src/preload/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron'],
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'IPC goes through src/main/glue/ipc-register.ts and src/preload/index.ts only.'
            }
          ]
        }
      ]
    }
  },
  {
    // Later blocks win: these replace the IPC rule above with a ban on electron as a whole.
    files: ['src/main/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', electronFree] }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // These two only say "React Compiler skipped this component"; the app does not build with React Compiler.
      'react-hooks/preserve-manual-memoization': 'off',
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': ['error', rendererElectronFree]
    }
  },
  {
    // Build-time helpers in plain JavaScript that no tsconfig type-checks: type-aware rules would only see `any`.
    files: ['resources/**/*.{mjs,cjs}', '.dependency-cruiser.cjs'],
    ...tseslint.configs.disableTypeChecked
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.{ts,mjs}'],
    rules: {
      'max-lines': 'off',
      // Vitest types its asymmetric matchers (expect.stringMatching, expect.any, …) as `any`, by design, so that they
      // fit any field of an expected object; putting one in such an object is not an unsafe assignment.
      '@typescript-eslint/no-unsafe-assignment': 'off'
    }
  }
)
