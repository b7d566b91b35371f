import { describe, expect, it } from 'vitest';
import { suggestCrosswalkColumns, suggestSchemeColumns } from './column-suggest';

describe('suggestSchemeColumns', () => {
  it('maps a structure file', () => {
    expect(
      suggestSchemeColumns([
        'code',
        'level',
        'parent_code',
        'title_en',
        'description_en',
        'esco_uri',
      ]),
    ).toEqual({
      code: 'code',
      level: 'level',
      parentCode: 'parent_code',
      titleEn: 'title_en',
      descriptionEn: 'description_en',
    });
  });

  it('takes the description as the title when there is no title column', () => {
    expect(suggestSchemeColumns(['Code', 'Description'])).toEqual({
      code: 'Code',
      titleEn: 'Description',
    });
  });

  it('maps Hebrew headers and classification-named code columns', () => {
    expect(suggestSchemeColumns(['סמל', 'שם'])).toEqual({ code: 'סמל', titleHe: 'שם' });
    expect(suggestSchemeColumns(['soc2010', 'soc2010_digits', 'title_en'])).toMatchObject({
      code: 'soc2010',
      titleEn: 'title_en',
    });
  });
});

describe('suggestCrosswalkColumns', () => {
  it('maps the ILO correspondence (source first, target second, titles by name)', () => {
    expect(suggestCrosswalkColumns(['isco08', 'isco88', 'isco08_title', 'isco88_title'])).toEqual({
      sourceCode: 'isco08',
      targetCode: 'isco88',
      sourceTitle: 'isco08_title',
      targetTitle: 'isco88_title',
    });
  });

  it('maps partial flags and the detail column', () => {
    expect(
      suggestCrosswalkColumns([
        'isic4',
        'partial_isic4',
        'isic31',
        'partial_isic31',
        'detail',
        'isic4_title',
        'isic31_title',
      ]),
    ).toEqual({
      sourceCode: 'isic4',
      targetCode: 'isic31',
      partialSource: 'partial_isic4',
      partialTarget: 'partial_isic31',
      sourceTitle: 'isic4_title',
      targetTitle: 'isic31_title',
      comment: 'detail',
    });
    expect(
      suggestCrosswalkColumns([
        'part_of_naics',
        'naics2017',
        'naics2017_title',
        'part_of_isic4',
        'isic4',
      ]),
    ).toMatchObject({
      sourceCode: 'naics2017',
      targetCode: 'isic4',
      partialSource: 'part_of_naics',
      partialTarget: 'part_of_isic4',
    });
  });

  it('maps SSSOM columns', () => {
    expect(
      suggestCrosswalkColumns([
        'subject_id',
        'subject_label',
        'predicate_id',
        'object_id',
        'object_label',
        'mapping_justification',
        'author_id',
        'reviewer_id',
        'confidence',
        'comment',
      ]),
    ).toEqual({
      sourceCode: 'subject_id',
      targetCode: 'object_id',
      sourceTitle: 'subject_label',
      targetTitle: 'object_label',
      relation: 'predicate_id',
      justification: 'mapping_justification',
      author: 'author_id',
      reviewer: 'reviewer_id',
      confidence: 'confidence',
      comment: 'comment',
    });
  });
});
