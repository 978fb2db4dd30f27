import { Page } from '../../ui/Page';

export function ImportPage() {
  return <Page title="Импорт списка" backTo="/people">{null}</Page>;
}
