import { useTranslation } from 'react-i18next';

/** The translated words a map needs (matches @caremap/map's ServiceMapLabels). */
export function useMapLabels(name: string) {
  const { t } = useTranslation();
  return {
    map: name,
    keyboardHint: t('map.keyboardHint'),
    zoomIn: t('map.zoomIn'),
    zoomOut: t('map.zoomOut'),
    resetBearing: t('map.resetBearing'),
    unavailable: t('map.unavailable'),
  };
}
