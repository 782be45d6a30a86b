/**
 * Organisation-name building blocks and legal forms per country (legal forms from each country's
 * company law: Corporations Act 2001 (AU), Companies Act 2006 (UK), state corporation statutes (US),
 * Company Law of the PRC). Words are generic business vocabulary written for this project.
 */
import { words } from '../weighted.js';

export const ORG_ADJECTIVES = words(`Global National United Pacific Southern Northern Coastal Metro Premier Royal
Summit Pinnacle Apex Golden Silver Blue Green Red Eagle Phoenix Atlas Horizon Frontier Liberty Heritage Capital
Central Western Eastern Advanced Allied Integrated Precision Quality Reliable Rapid Express First Prime Modern
Classic Bright Clear Harbour Valley Mountain Oak Cedar Sunrise Southern Cross Redgum Ironbark`);

export const ORG_NOUNS = words(`Logistics Freight Transport Couriers Imports Exports Trading Supplies Distribution
Engineering Construction Builders Plumbing Electrical Roofing Landscaping Cleaning Catering Foods Bakery Coffee
Pharmacy Medical Dental Health Consulting Accounting Legal Finance Insurance Realty Properties Developments Motors
Auto Parts Tyres Printing Media Design Software Systems Technologies Solutions Networks Telecom Energy Solar Mining
Resources Agriculture Farms Wines Brewing Fashion Textiles Furniture Hardware Timber Steel Plastics Packaging
Security Education Training Travel Tours Fitness Events Marketing Recruitment`);

/** [formal legal form, common short forms, weight] per country. */
export type LegalForm = readonly [string, readonly string[], number];

// prettier-ignore
export const LEGAL_FORMS: Readonly<Record<'US' | 'AU' | 'GB' | 'CN', readonly LegalForm[]>> = {
  US: [['Incorporated', ['Inc.', 'Inc'], 40], ['Limited Liability Company', ['LLC', 'L.L.C.'], 40],
    ['Corporation', ['Corp.', 'Corp'], 15], ['Company', ['Co.', 'Co'], 5]],
  AU: [['Proprietary Limited', ['Pty Ltd', 'Pty. Ltd.', 'P/L'], 80], ['Limited', ['Ltd', 'Ltd.'], 15],
    ['Incorporated', ['Inc', 'Inc.'], 5]],
  GB: [['Limited', ['Ltd', 'Ltd.'], 80], ['Public Limited Company', ['PLC', 'plc'], 10],
    ['Limited Liability Partnership', ['LLP'], 10]],
  CN: [['有限公司', ['有限责任公司', 'Co., Ltd.', 'Co. Ltd'], 85], ['股份有限公司', ['Co., Ltd.', 'Corp.'], 15]],
};

/** Chinese trade-name words and industries: [hanzi, pinyin / English]. */
// prettier-ignore
export const CN_ORG_WORDS: readonly (readonly [string, string])[] = [
  ['华远', 'Huayuan'], ['宏达', 'Hongda'], ['新世纪', 'Xinshiji'], ['东方', 'Dongfang'], ['金桥', 'Jinqiao'],
  ['恒通', 'Hengtong'], ['天成', 'Tiancheng'], ['永兴', 'Yongxing'], ['华信', 'Huaxin'], ['鼎盛', 'Dingsheng'],
  ['瑞丰', 'Ruifeng'], ['中盛', 'Zhongsheng'], ['长城', 'Changcheng'], ['万达', 'Wanda'], ['海鸿', 'Haihong'],
];

// prettier-ignore
export const CN_INDUSTRIES: readonly (readonly [string, string])[] = [
  ['贸易', 'Trading'], ['科技', 'Technology'], ['物流', 'Logistics'], ['电子', 'Electronics'], ['建筑', 'Construction'],
  ['食品', 'Food'], ['投资', 'Investment'], ['咨询', 'Consulting'], ['实业', 'Industrial'], ['文化传媒', 'Media'],
];
