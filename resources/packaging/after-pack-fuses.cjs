// electron-builder afterPack hook: flips Electron fuses in the packaged binary so the shipped app
// cannot be turned into a generic Node runtime or debugged/reconfigured from the command line.
// Run by `npm run dist` (electron-builder and @electron/fuses are devDependencies).
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads its hooks with require(): CommonJS is the safe format */
const path = require('node:path')

exports.default = async function afterPack(context) {
  let fuses
  try {
    fuses = require('@electron/fuses')
  } catch {
    throw new Error('after-pack-fuses: @electron/fuses is not installed; run `npm ci` (it is a devDependency) before packaging')
  }
  const { flipFuses, FuseVersion, FuseV1Options } = fuses
  const platform = context.electronPlatformName
  const productFilename = context.packager.appInfo.productFilename
  const executable = {
    darwin: path.join(context.appOutDir, `${productFilename}.app`),
    mas: path.join(context.appOutDir, `${productFilename}.app`),
    win32: path.join(context.appOutDir, `${productFilename}.exe`),
    linux: path.join(context.appOutDir, context.packager.executableName)
  }[platform]
  if (!executable) throw new Error(`after-pack-fuses: unknown platform ${platform}`)

  await flipFuses(executable, {
    version: FuseVersion.V1,
    // arm64 macOS binaries must stay signed (ad hoc) after the fuse bytes change.
    resetAdHocDarwinSignature: platform === 'darwin' && context.arch === 3 /* Arch.arm64 */,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // Electron validates the asar's embedded hash on macOS and Windows (electron-builder writes it).
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: platform === 'darwin' || platform === 'win32',
    [FuseV1Options.EnableCookieEncryption]: true
  })
  console.log(`after-pack-fuses: fuses flipped in ${path.basename(executable)}`)
}
