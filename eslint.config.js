import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const electronFree = {
  paths: [
    { name: 'electron', message: 'src/main/core and src/shared must stay Electron-free: put Electron calls in the glue (src/main/glue).' },
    { name: 'electron-store', message: 'electron-store imports electron: use the SettingsStore/Vault interfaces; the adapter lives in src/main/glue.' }
  ]
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.ci/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module' }
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env'] > Identifier[name='NODE_TLS_REJECT_UNAUTHORIZED']", message: 'Never disable TLS verification globally.' }
      ]
    }
  },
  {
    files: ['src/main/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', electronFree] }
  },
  {
    // Only the two IPC glue files may touch ipcMain / ipcRenderer.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/main/glue/ipc-register.ts', 'src/preload/index.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        ...electronFree,
        paths: [],
        patterns: [{ group: ['electron'], importNames: ['ipcMain', 'ipcRenderer'], message: 'IPC goes through src/main/glue/ipc-register.ts and src/preload/index.ts only.' }]
      }]
    }
  },
  {
    files: ['src/main/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', electronFree] }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } }
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.{ts,mjs}'],
    rules: { 'max-lines': 'off' }
  }
)
